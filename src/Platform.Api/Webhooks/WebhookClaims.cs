using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Domain.Webhooks;

namespace Platform.Api.Webhooks;

/// <summary>
/// Claims due deliveries for one dispatcher: row locks skip what another process is claiming (PostgreSQL
/// <c>FOR UPDATE SKIP LOCKED</c>, SQL Server <c>UPDLOCK, READPAST</c>; SQLite has one process), and the claim is a lease
/// (<see cref="WebhookDelivery.LockedUntil"/>), so a delivery whose dispatcher died is claimed again once it passes. A
/// delivery waits while an earlier one of the same subscription and aggregate is pending, so they arrive in order. A
/// claim takes the first pending delivery of a subscription and aggregate (its head, which the row locks give to one
/// dispatcher) together with the due ones after it, to be sent one after another: an aggregate's burst of events goes
/// out in one claim, not in one claim each.
/// </summary>
internal static class WebhookClaims
{
    /// <summary>
    /// Claims up to <paramref name="batch"/> heads, each with up to <paramref name="chainLength"/> deliveries of its
    /// subscription and aggregate in all, until <paramref name="leaseUntil"/>; returns them in id order.
    /// </summary>
    public static async Task<List<WebhookDelivery>> ClaimAsync(
        PlatformDbContext db, DateTime now, DateTime leaseUntil, int batch, int chainLength, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.WebhookDeliveries.FromSqlRaw(DueSql(db), now, batch).AsNoTracking().ToListAsync(ct);
        if (claimed.Count > 0 && chainLength > 1)
            claimed = [.. claimed, .. await FollowersAsync(db, claimed, now, chainLength - 1, ct)];
        var ids = claimed.Select(d => d.Id).ToList();
        if (ids.Count > 0)
            await db.WebhookDeliveries.Where(d => ids.Contains(d.Id)).ExecuteUpdateAsync(u => u.SetProperty(d => d.LockedUntil, leaseUntil), ct);
        await transaction.CommitAsync(ct);
        claimed.ForEach(d => d.LockedUntil = leaseUntil);
        return [.. claimed.OrderBy(d => d.Id)];
    }

    /// <summary>
    /// Up to <paramref name="most"/> deliveries after each head in its subscription and aggregate, locked, stopping at the
    /// first not due or leased (none may be skipped). They are no one else's to claim while the head is pending, so the
    /// lock waits at most for an outcome being recorded.
    /// </summary>
    private static async Task<IEnumerable<WebhookDelivery>> FollowersAsync(
        PlatformDbContext db, List<WebhookDelivery> heads, DateTime now, int most, CancellationToken ct)
    {
        var headIds = heads.Select(h => h.Id).ToArray();
        var pending = await db.WebhookDeliveries.FromSqlRaw(FollowersSql(db), db is PostgresDbContext ? headIds : JsonSerializer.Serialize(headIds))
            .AsNoTracking().ToListAsync(ct);
        return pending.GroupBy(d => (d.SubscriptionId, d.AggregateType, d.AggregateId))
            .SelectMany(chain => chain.OrderBy(d => d.Id).TakeWhile(d => d.NextAttemptAt <= now && (d.LockedUntil is null || d.LockedUntil <= now)).Take(most));
    }

    private const string Pending = nameof(WebhookDeliveryStatus.Pending);

    // PostgreSQL and SQLite share the statement; SQLite has one process and no row locks.
    private const string Due = $$"""
        SELECT d.* FROM "WebhookDeliveries" AS d JOIN "WebhookSubscriptions" AS s ON s."Id" = d."SubscriptionId"
        WHERE d."Status" = '{{Pending}}' AND d."NextAttemptAt" <= {0} AND (d."LockedUntil" IS NULL OR d."LockedUntil" <= {0}) AND s."IsEnabled"
          AND NOT EXISTS (SELECT 1 FROM "WebhookDeliveries" AS e WHERE e."SubscriptionId" = d."SubscriptionId" AND e."AggregateType" = d."AggregateType"
                          AND e."AggregateId" = d."AggregateId" AND e."Status" = '{{Pending}}' AND e."Id" < d."Id")
        ORDER BY d."Id" LIMIT {1}
        """;

    private static string DueSql(PlatformDbContext db) => db switch
    {
        PostgresDbContext => Due + " FOR UPDATE OF d SKIP LOCKED",
        SqlServerDbContext => $$"""
            SELECT TOP ({1}) d.* FROM [WebhookDeliveries] AS d WITH (UPDLOCK, READPAST, ROWLOCK) JOIN [WebhookSubscriptions] AS s ON s.[Id] = d.[SubscriptionId]
            WHERE d.[Status] = '{{Pending}}' AND d.[NextAttemptAt] <= {0} AND (d.[LockedUntil] IS NULL OR d.[LockedUntil] <= {0}) AND s.[IsEnabled] = 1
              AND NOT EXISTS (SELECT 1 FROM [WebhookDeliveries] AS e WHERE e.[SubscriptionId] = d.[SubscriptionId] AND e.[AggregateType] = d.[AggregateType]
                              AND e.[AggregateId] = d.[AggregateId] AND e.[Status] = '{{Pending}}' AND e.[Id] < d.[Id])
            ORDER BY d.[Id]
            """,
        _ => Due,
    };

    // PostgreSQL and SQLite share the join; the heads' ids ({0}) are an array on PostgreSQL, JSON elsewhere.
    private const string FollowersFrom = """
        SELECT f.* FROM "WebhookDeliveries" AS f JOIN "WebhookDeliveries" AS h ON f."SubscriptionId" = h."SubscriptionId"
          AND f."AggregateType" = h."AggregateType" AND f."AggregateId" = h."AggregateId" AND f."Id" > h."Id"
        """;

    internal static string FollowersSql(PlatformDbContext db) => db switch
    {
        PostgresDbContext => FollowersFrom + $$"""
             WHERE h."Id" = ANY({0}) AND f."Status" = '{{Pending}}' FOR UPDATE OF f
            """,
        SqlServerDbContext => $$"""
            SELECT f.* FROM [WebhookDeliveries] AS f WITH (UPDLOCK, ROWLOCK) JOIN [WebhookDeliveries] AS h ON f.[SubscriptionId] = h.[SubscriptionId]
              AND f.[AggregateType] = h.[AggregateType] AND f.[AggregateId] = h.[AggregateId] AND f.[Id] > h.[Id]
            WHERE h.[Id] IN (SELECT CAST([value] AS bigint) FROM OPENJSON({0})) AND f.[Status] = '{{Pending}}'
            """,
        _ => FollowersFrom + $$"""
             WHERE h."Id" IN (SELECT "value" FROM json_each({0})) AND f."Status" = '{{Pending}}'
            """,
    };
}
