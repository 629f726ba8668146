using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Domain.Webhooks;

namespace Platform.Api.Webhooks;

/// <summary>
/// Claims due deliveries for one dispatcher: row locks skip what another process is claiming (PostgreSQL
/// <c>FOR UPDATE SKIP LOCKED</c>, SQL Server <c>UPDLOCK, READPAST</c>; SQLite has one process), and the claim is a lease
/// (<see cref="WebhookDelivery.LockedUntil"/>), so a delivery whose dispatcher died is claimed again once it passes. A
/// delivery waits while an earlier one of the same subscription and aggregate is pending, so they arrive in order.
/// </summary>
internal static class WebhookClaims
{
    /// <summary>Claims up to <paramref name="batch"/> due deliveries until <paramref name="leaseUntil"/>.</summary>
    public static async Task<List<WebhookDelivery>> ClaimAsync(PlatformDbContext db, DateTime now, DateTime leaseUntil, int batch, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.WebhookDeliveries.FromSqlRaw(DueSql(db), now, batch).AsNoTracking().ToListAsync(ct);
        var ids = claimed.Select(d => d.Id).ToList();
        if (ids.Count > 0)
            await db.WebhookDeliveries.Where(d => ids.Contains(d.Id)).ExecuteUpdateAsync(u => u.SetProperty(d => d.LockedUntil, leaseUntil), ct);
        await transaction.CommitAsync(ct);
        claimed.ForEach(d => d.LockedUntil = leaseUntil);
        return claimed;
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
}
