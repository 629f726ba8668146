using Platform.Api.Imports;
using Platform.Domain.Imports;

namespace Platform.Api.Tests.Imports;

/// <summary>
/// Rows finish out of order while the next batch is already in flight: a batch's results are handed out for commit only
/// once every row of it is done, in file order, so the committed progress never passes a row still in flight.
/// </summary>
public sealed class ImportResultsTests
{
    private static LeadImportRow Row(long number) => new() { RowNumber = number, Outcome = LeadImportOutcome.Created };

    [Fact]
    public void ABatch_IsReady_OnlyOnceEveryRowOfItIsDone_EvenWhenLaterRowsAreDone()
    {
        var results = new ImportResults(batchSize: 3);
        results.Add(0, Row(1));
        results.Add(2, Row(3));
        results.Add(3, Row(4));

        Assert.Null(results.TakeBatch(all: false));
        Assert.Null(results.TakeBatch(all: false));

        results.Add(1, Row(2));
        Assert.Equal([1L, 2, 3], results.TakeBatch(all: false)!.Select(r => r.RowNumber));
        Assert.Null(results.TakeBatch(all: false));
    }

    [Fact]
    public void AfterTheLastRow_TheRestIsOneShorterBatch_AndNothingIsHandedOutTwice()
    {
        var results = new ImportResults(batchSize: 2);
        foreach (var index in new long[] { 4, 1, 0, 3, 2 })
            results.Add(index, Row(index + 1));

        Assert.Equal([1L, 2], results.TakeBatch(all: false)!.Select(r => r.RowNumber));
        Assert.Equal([3L, 4], results.TakeBatch(all: false)!.Select(r => r.RowNumber));
        Assert.Null(results.TakeBatch(all: false));
        Assert.Equal([5L], results.TakeBatch(all: true)!.Select(r => r.RowNumber));
        Assert.Null(results.TakeBatch(all: true));
    }
}
