using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Domain.Orders;

namespace Platform.Api.Kpis;

/// <summary>
/// Revenue KPIs over paid orders (status PAID; refunded and cancelled ones are no revenue), in the bucket of
/// <c>PaidAt</c>, net of discounts. Lead dimensions are those of the client's origin lead; the manager is the client's
/// owner. The database groups by bucket, dimension, currency and client, then by bucket, dimension and currency (one
/// statement), so distinct clients stay exact and only the report's rows travel to the API. For an unrestricted caller,
/// whole months and quarters are summed from the revenue rollups (<see cref="RevenueRollups"/>, which keep the paying
/// and repeat clients too); only a partial bucket at the range's edges with orders paid outside the range is grouped
/// from the orders.
/// </summary>
public sealed class RevenueKpis(PlatformDbContext db, KpiCache? cache = null, ICurrentActor? actor = null)
{
    private sealed class Fact
    {
        public int Bucket { get; init; }
        public string? Dimension { get; init; }
        public string Currency { get; init; } = "";
        public long ClientId { get; init; }
        public long Net { get; init; }
    }

    private sealed class PerClient
    {
        public int Bucket { get; init; }
        public string? Dimension { get; init; }
        public string Currency { get; init; } = "";
        public int Orders { get; init; }
        public long Net { get; init; }
    }

    /// <summary>Revenue Σ net, average check = revenue / orders, repeat-purchase rate = clients with ≥ 2 paid orders in the bucket / paying clients × 100.</summary>
    public Task<IReadOnlyList<RevenueRow>> RevenueAsync(KpiRange range, CancellationToken ct) =>
        cache is null ? ComputeRevenueAsync(range, ct) : cache.GetOrComputeAsync(actor, "revenue", range, () => ComputeRevenueAsync(range, ct), ct);

    private async Task<IReadOnlyList<RevenueRow>> ComputeRevenueAsync(KpiRange range, CancellationToken ct)
    {
        var totals = await TotalsAsync(range, ct);
        return totals
            .OrderBy(t => t.Bucket).ThenBy(t => t.Dimension, StringComparer.Ordinal).ThenBy(t => t.Currency, StringComparer.Ordinal)
            .Select(t => new RevenueRow(KpiBuckets.Start(range.Bucket, t.Bucket), KpiDimensions.Display(range.GroupBy, t.Dimension),
                t.Currency, t.Orders, t.Revenue, (long)Math.Round((decimal)t.Revenue / t.Orders, MidpointRounding.ToEven),
                t.Clients, t.RepeatClients, Durations.Percent(t.RepeatClients, t.Clients)))
            .ToList();
    }

    /// <summary>
    /// The totals per bucket: month or quarter buckets from the rollups, the partial buckets at the edges (and every day
    /// or week bucket, and all of a restricted caller's) from the orders. A partial bucket is read from its rollup too when
    /// no order was paid in its part outside the range (the usual current month, whose rest lies ahead): then both hold the
    /// same orders. A bucket comes from one source only, so the distinct clients add up.
    /// </summary>
    private async Task<List<RevenueTotal>> TotalsAsync(KpiRange range, CancellationToken ct)
    {
        if (db.Actor.IsRestricted() || range.Bucket is not (KpiBucket.Month or KpiBucket.Quarter))
            return await DetailTotalsAsync(range.From, range.To, range.Bucket, range.GroupBy, ct);

        var ordinal = KpiBuckets.OrdinalOf(range.Bucket);
        var (first, last) = (ordinal(range.From), ordinal(range.To.AddTicks(-1)));
        var (rollupFirst, rollupEnd) = (first, last + 1);
        var totals = new List<RevenueTotal>();
        foreach (var edge in new[] { first, last }.Distinct())
        {
            var (start, end) = (KpiBuckets.Start(range.Bucket, edge), KpiBuckets.Start(range.Bucket, edge + 1));
            var (from, to) = (start < range.From ? range.From : start, end > range.To ? range.To : end);
            if ((from, to) == (start, end) || !await PaidOutsideAsync(start, end, from, to, ct))
                continue;
            totals.AddRange(await DetailTotalsAsync(from, to, range.Bucket, range.GroupBy, ct));
            if (edge == first)
                rollupFirst++;
            if (edge == last)
                rollupEnd--;
        }
        if (rollupFirst < rollupEnd)
            totals.AddRange(await RevenueRollups.TotalsAsync(db, rollupFirst, rollupEnd, range.Bucket, range.GroupBy, ct));
        return totals;
    }

    /// <summary>
    /// Whether an order of the bucket [<paramref name="start"/>, <paramref name="end"/>) was paid outside its part
    /// [<paramref name="from"/>, <paramref name="to"/>) in the range: one index range of the paid orders per side (ranges
    /// joined by OR would not be index ranges in PostgreSQL's cached plan).
    /// </summary>
    private Task<bool> PaidOutsideAsync(DateTime start, DateTime end, DateTime from, DateTime to, CancellationToken ct)
    {
        IQueryable<Order>? outside = null;
        foreach (var (after, before) in new[] { (start, from), (to, end) }.Where(side => side.Item1 < side.Item2))
        {
            var paid = db.Orders.Where(o => o.Status == OrderStatus.Paid && o.PaidAt >= after && o.PaidAt < before);
            outside = outside is null ? paid : outside.Concat(paid);
        }
        return outside!.AnyAsync(ct);
    }

    /// <summary>The totals of the orders paid in [<paramref name="from"/>, <paramref name="to"/>), grouped in the database.</summary>
    internal Task<List<RevenueTotal>> DetailTotalsAsync(DateTime from, DateTime to, KpiBucket bucket, KpiDimension? groupBy, CancellationToken ct) =>
        DetailTotals(db, db.Orders.AsNoTracking().Where(o => o.Status == OrderStatus.Paid && o.PaidAt >= from && o.PaidAt < to), bucket, groupBy).ToListAsync(ct);

    /// <summary>The totals of <paramref name="paid"/> (paid orders) per bucket, dimension value and currency, as one statement.</summary>
    internal static IQueryable<RevenueTotal> DetailTotals(PlatformDbContext db, IQueryable<Order> paid, KpiBucket bucket, KpiDimension? groupBy)
    {
        Expression<Func<OrderSource, DateTime>> paidAt = s => s.Order.PaidAt!.Value;
        var facts = OrderSource.Of(paid, db, groupBy).Select(KpiProjection.Of<OrderSource, Fact>(
            (s, b, dimension) => new Fact { Bucket = b, Dimension = dimension, Currency = s.Order.Currency, ClientId = s.Order.ClientId, Net = s.Order.NetAmountMinor },
            paidAt.Then(KpiBuckets.Ordinal(bucket)), OrderSource.Dimension(groupBy)));
        // Two levels of GROUP BY in one statement: per client (orders, net), then per bucket, dimension and currency.
        return facts
            .GroupBy(f => new { f.Bucket, f.Dimension, f.Currency, f.ClientId })
            .Select(g => new PerClient { Bucket = g.Key.Bucket, Dimension = g.Key.Dimension, Currency = g.Key.Currency, Orders = g.Count(), Net = g.Sum(f => f.Net) })
            .GroupBy(c => new { c.Bucket, c.Dimension, c.Currency })
            .Select(g => new RevenueTotal(g.Key.Bucket, g.Key.Dimension, g.Key.Currency, g.Sum(c => c.Orders), g.Sum(c => c.Net), g.Count(), g.Count(c => c.Orders >= 2)));
    }
}
