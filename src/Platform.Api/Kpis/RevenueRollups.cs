using System.Data;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Domain.Kpis;
using Platform.Domain.Orders;

namespace Platform.Api.Kpis;

/// <summary>
/// The revenue per month or quarter, currency and dimension value (<see cref="RevenueRollup"/>, kept by
/// <see cref="KpiRollupInterceptor"/>): read by the revenue KPI for whole months and quarters, rebuilt from the orders by
/// <c>kpi-rollups rebuild</c>, compacted like <see cref="LeadDayRollups"/>.
/// </summary>
internal static class RevenueRollups
{
    private static readonly (RollupPeriod Period, KpiBucket Bucket)[] Periods = [(RollupPeriod.Month, KpiBucket.Month), (RollupPeriod.Quarter, KpiBucket.Quarter)];

    /// <summary>The totals of the month or quarter buckets [<paramref name="first"/>, <paramref name="end"/>): the summed rows of one dimension.</summary>
    public static Task<List<RevenueTotal>> TotalsAsync(PlatformDbContext db, int first, int end, KpiBucket bucket, KpiDimension? groupBy, CancellationToken ct)
    {
        var period = Periods.Single(p => p.Bucket == bucket).Period;
        var dimension = LeadDayRollups.Of(groupBy);
        return db.RevenueRollups.AsNoTracking()
            .Where(r => r.Period == period && r.Dimension == dimension && r.Bucket >= first && r.Bucket < end)
            .GroupBy(r => new { r.Bucket, r.Value, r.Currency })
            .Where(g => g.Sum(r => r.Clients) > 0)
            .Select(g => new RevenueTotal(g.Key.Bucket, g.Key.Value, g.Key.Currency,
                g.Sum(r => r.Orders), g.Sum(r => r.NetMinor), g.Sum(r => r.Clients), g.Sum(r => r.RepeatClients)))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Replaces every row by the totals of the paid orders per bucket kind and dimension, one row per key, in one
    /// serializable transaction: changes committed meanwhile keep the rows they appended and are counted once. Returns
    /// the rows written.
    /// </summary>
    public static async Task<int> RebuildAsync(PlatformDbContext db, Action<string> progress, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
        var removed = await db.RevenueRollups.ExecuteDeleteAsync(ct);
        progress($"Removed {removed:N0} revenue rollup rows.");
        var paid = db.Orders.AsNoTracking().IgnoreQueryFilters().Where(o => o.Status == OrderStatus.Paid && o.PaidAt != null);
        var written = 0;
        foreach (var dimension in Enum.GetValues<LeadRollupDimension>())
        {
            var rows = 0;
            foreach (var (period, bucket) in Periods)
            {
                var totals = await RevenueKpis.DetailTotals(db, paid, bucket, LeadDayRollups.GroupByOf(dimension)).ToListAsync(ct);
                db.RevenueRollups.AddRange(totals.Select(t => new RevenueRollup
                {
                    Period = period,
                    Bucket = t.Bucket,
                    Currency = t.Currency,
                    Dimension = dimension,
                    Value = t.Dimension,
                    Orders = t.Orders,
                    NetMinor = t.Revenue,
                    Clients = t.Clients,
                    RepeatClients = t.RepeatClients,
                }));
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                rows += totals.Count;
            }
            written += rows;
            progress($"Revenue by {dimension}: {rows:N0} rows.");
        }

        await transaction.CommitAsync(ct);
        return written;
    }

    /// <summary>
    /// Folds the rows of every bucket with several rows for one key into one row per key (<see cref="KpiSql.CompactAsync"/>:
    /// exact with any number of concurrent writers and compactions). Returns the rows removed.
    /// </summary>
    public static Task<int> CompactAsync(PlatformDbContext db, CancellationToken ct = default) =>
        KpiSql.CompactAsync<RevenueRollup>(db, "RevenueRollups", """
            "Bucket" IN (SELECT "Bucket" FROM "RevenueRollups" GROUP BY "Period", "Bucket", "Currency", "Dimension", "Value" HAVING COUNT(*) > 1)
            """,
            removed => removed
                .GroupBy(r => (r.Period, r.Bucket, r.Currency, r.Dimension, r.Value))
                .Select(g => new RevenueRollup
                {
                    Period = g.Key.Period,
                    Bucket = g.Key.Bucket,
                    Currency = g.Key.Currency,
                    Dimension = g.Key.Dimension,
                    Value = g.Key.Value,
                    Orders = g.Sum(r => r.Orders),
                    NetMinor = g.Sum(r => r.NetMinor),
                    Clients = g.Sum(r => r.Clients),
                    RepeatClients = g.Sum(r => r.RepeatClients),
                })
                .Where(r => r.Orders != 0 || r.NetMinor != 0 || r.Clients != 0 || r.RepeatClients != 0),
            ct);
}
