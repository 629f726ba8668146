using Platform.Api.Tests.Infrastructure;
using Platform.Api.Webhooks;
using Platform.Domain.Webhooks;
using Platform.Testing;

namespace Platform.Api.Tests.Webhooks;

/// <summary>
/// The dispatcher's set-based statements on SQL Server: no server runs here, so <see cref="SqlServerWithoutServer"/> keeps
/// the SQL. A batch's rows go in one JSON parameter, as they outnumber the 2,100 parameters SQL Server takes.
/// </summary>
public sealed class WebhookSqlServerStatementsTests
{
    private static readonly DateTime Now = new(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task FanOut_IsOneInsertOfTheEventsWithTheirPairsAsJson()
    {
        var noServer = new SqlServerWithoutServer();
        await using var db = noServer.CreateContext();
        var pairs = Enumerable.Range(1, 1_500).Select(i => new WebhookFanOut.DeliveryPair(i / 3, i % 3, Claim: i % 2 == 0)).ToList();

        await WebhookFanOut.InsertAsync(db, pairs, Now, Now.AddMinutes(1), CancellationToken.None);

        var sql = Assert.Single(noServer.Commands);
        Assert.Contains("OPENJSON(@p0)", sql);
        MarkdownSnapshot.Match("FanOutInsert.SqlServer", [("1,500 deliveries", "sql", sql)]);
    }

    [Fact]
    public async Task Claim_LocksTheDeliveriesAfterItsHeads_WithTheHeadsAsJson()
    {
        await using var db = new SqlServerWithoutServer().CreateContext();

        var sql = WebhookClaims.FollowersSql(db);

        Assert.Contains("OPENJSON({0})", sql);
        MarkdownSnapshot.Match("ClaimFollowers.SqlServer", [("the heads' ids as {0}", "sql", sql)]);
    }

    [Fact]
    public async Task Outcomes_AreOneUpdateOfTheDeliveriesStillLeased()
    {
        var noServer = new SqlServerWithoutServer();
        await using var db = noServer.CreateContext();
        var attempts = Enumerable.Range(1, 500).Select(i => new WebhookAttempt(
            new WebhookDelivery { Id = i, SubscriptionId = 1, LockedUntil = Now.AddMinutes(1) }, WebhookDeliveryStatus.Succeeded, Now, Now, 200, 5, null)).ToList();

        await WebhookOutcomes.UpdateHeldAsync(db, attempts, CancellationToken.None);

        var sql = Assert.Single(noServer.Commands);
        Assert.Contains("OPENJSON(@p0)", sql);
        MarkdownSnapshot.Match("OutcomesUpdate.SqlServer", [("500 attempts", "sql", sql)]);
    }
}
