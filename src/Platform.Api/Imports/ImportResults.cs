using Platform.Domain.Imports;

namespace Platform.Api.Imports;

/// <summary>
/// The results of an import's rows processed out of order, handed out a batch at a time in file order: a batch is ready
/// once every row of it is done, so the committed progress never passes a row still in flight.
/// </summary>
internal sealed class ImportResults(int batchSize)
{
    private readonly Dictionary<long, LeadImportRow> _done = [];
    private long _next;

    /// <summary>Held by the one who commits batches, so they are committed one at a time and in order.</summary>
    public SemaphoreSlim Committing { get; } = new(1);

    public void Add(long index, LeadImportRow result)
    {
        lock (_done)
            _done.Add(index, result);
    }

    /// <summary>The next <c>batchSize</c> rows' results when all are done; with <paramref name="all"/>, once no row is in flight, also a last shorter batch.</summary>
    public List<LeadImportRow>? TakeBatch(bool all)
    {
        lock (_done)
        {
            var count = 0;
            while (count < batchSize && _done.ContainsKey(_next + count))
                count++;
            if (count == 0 || (count < batchSize && !all))
                return null;
            var batch = new List<LeadImportRow>(count);
            for (var i = 0; i < count; i++)
            {
                _done.Remove(_next + i, out var result);
                batch.Add(result!);
            }
            _next += count;
            return batch;
        }
    }
}
