using System.Data;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Domain.Kpis;
using Platform.Domain.Orders;

namespace Platform.Api.Kpis;

/// <summary>
/// The paid orders per month, currency and client (<see cref="OrderMonthRollup"/>, kept by
/// <see cref="KpiRollupInterceptor"/>): a client's figures before a change, from which the change's revenue rollup rows
/// follow (<see cref="RevenueRollups"/>); rebuilt from the orders by
/// <c>kpi-rollups rebuild</c>, compacted like <see cref="LeadDayRollups"/>.
/// </summary>
internal static class OrderMonthRollups
{
    /// <summary>
    /// Replaces every row by the paid orders grouped per month, currency and client, in one serializable transaction
    /// and one INSERT … SELECT (so no row travels to the API): changes committed meanwhile keep the rows they appended
    /// and are counted once. Returns the rows written.
    /// </summary>
    public static async Task<int> RebuildAsync(PlatformDbContext db, Action<string> progress, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
        var removed = await db.OrderMonthRollups.ExecuteDeleteAsync(ct);
        progress($"Removed {removed:N0} order rollup rows.");
        var groups = db.Orders.AsNoTracking().IgnoreQueryFilters()
            .Where(o => o.Status == OrderStatus.Paid && o.PaidAt != null)
            .GroupBy(o => new { Month = o.PaidAt!.Value.Year * 12 + o.PaidAt!.Value.Month - 1, o.Currency, o.ClientId })
            .Select(g => new { g.Key.Month, g.Key.Currency, g.Key.ClientId, Orders = g.Count(), NetMinor = g.Sum(o => o.NetAmountMinor) });
        var (select, parameters) = KpiSql.Of(groups);
        var insert = $"""
            INSERT INTO "OrderMonthRollups" ("Month", "Currency", "ClientId", "Orders", "NetMinor")
            SELECT t."Month", t."Currency", t."ClientId", t."Orders", t."NetMinor" FROM (
            {select}
            ) AS t
            """;
        var written = await db.Database.ExecuteSqlRawAsync(insert, parameters, ct);
        progress($"Orders: {written:N0} rows.");
        await transaction.CommitAsync(ct);
        return written;
    }

    /// <summary>
    /// Folds the rows of every client that has a (month, currency) with several rows into one row per month and currency
    /// (<see cref="KpiSql.CompactAsync"/>: exact with any number of concurrent writers and compactions). Returns the rows removed.
    /// </summary>
    public static Task<int> CompactAsync(PlatformDbContext db, CancellationToken ct = default) =>
        KpiSql.CompactAsync<OrderMonthRollup>(db, "OrderMonthRollups", """
            "ClientId" IN (SELECT "ClientId" FROM "OrderMonthRollups" GROUP BY "Month", "Currency", "ClientId" HAVING COUNT(*) > 1)
            """,
            removed => removed
                .GroupBy(r => (r.Month, r.Currency, r.ClientId))
                .Select(g => new OrderMonthRollup
                {
                    Month = g.Key.Month,
                    Currency = g.Key.Currency,
                    ClientId = g.Key.ClientId,
                    Orders = g.Sum(r => r.Orders),
                    NetMinor = g.Sum(r => r.NetMinor),
                })
                .Where(r => r.Orders != 0 || r.NetMinor != 0),
            ct);
}
