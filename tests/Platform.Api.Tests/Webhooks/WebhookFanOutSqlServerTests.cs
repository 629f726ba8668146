using Platform.Api.Tests.Infrastructure;
using Platform.Api.Webhooks;
using Platform.Testing;

namespace Platform.Api.Tests.Webhooks;

/// <summary>
/// The fan-out's insert on SQL Server: no server runs here, so <see cref="SqlServerWithoutServer"/> keeps the SQL. Its
/// pairs go in one JSON parameter, as a batch's pairs outnumber the 2,100 parameters SQL Server takes.
/// </summary>
public sealed class WebhookFanOutSqlServerTests
{
    [Fact]
    public async Task Deliveries_AreOneInsertOfTheEventsWithTheirPairsAsJson()
    {
        var noServer = new SqlServerWithoutServer();
        await using var db = noServer.CreateContext();
        var pairs = Enumerable.Range(1, 1_500).Select(i => new WebhookFanOut.DeliveryPair(i / 3, i % 3)).ToList();

        await WebhookFanOut.InsertAsync(db, pairs, new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc), CancellationToken.None);

        var sql = Assert.Single(noServer.Commands);
        Assert.Contains("OPENJSON(@p0)", sql);
        MarkdownSnapshot.Match("FanOutInsert.SqlServer", [("1,500 deliveries", "sql", sql)]);
    }
}
