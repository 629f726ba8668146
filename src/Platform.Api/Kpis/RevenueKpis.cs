using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Domain.Clients;
using Platform.Domain.Leads;
using Platform.Domain.Orders;

namespace Platform.Api.Kpis;

/// <summary>
/// Revenue KPIs over paid orders (status PAID; refunded and cancelled ones are no revenue), in the bucket of
/// <c>PaidAt</c>, net of discounts. Lead dimensions are those of the client's origin lead; the manager is the client's
/// owner. The database groups by bucket, dimension, currency and client, then by bucket, dimension and currency (one
/// statement), so distinct clients stay exact and only the report's rows travel to the API. For an unrestricted caller,
/// whole months and quarters are grouped from the per-client month rollups (<see cref="OrderMonthRollups"/>) and only
/// the partial buckets at the range's edges from the orders.
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

    /// <summary>A client's paid orders of one bucket and currency, summed from its month rollup rows.</summary>
    private sealed class ClientBucket
    {
        public int Bucket { get; init; }
        public string Currency { get; init; } = "";
        public long ClientId { get; init; }
        public int Orders { get; init; }
        public long Net { get; init; }
    }

    /// <summary>A <see cref="ClientBucket"/> with its client and the client's origin lead (the dimensions of its orders).</summary>
    private sealed class ClientSource
    {
        public ClientBucket Row { get; init; } = null!;
        public Client Client { get; init; } = null!;
        public Lead? Lead { get; init; }
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
    /// The totals per bucket: whole month or quarter buckets from the rollups, the partial buckets at the edges (and every
    /// day or week bucket, and all of a restricted caller's) from the orders. A bucket comes from one source only, so the
    /// distinct clients add up.
    /// </summary>
    private async Task<List<RevenueTotal>> TotalsAsync(KpiRange range, CancellationToken ct)
    {
        var ordinal = KpiBuckets.OrdinalOf(range.Bucket);
        var first = ordinal(range.From);
        if (KpiBuckets.Start(range.Bucket, first) < range.From)
            first++;
        var end = ordinal(range.To);
        if (db.Actor.IsRestricted() || range.Bucket is not (KpiBucket.Month or KpiBucket.Quarter) || first >= end)
            return await DetailTotalsAsync(range.From, range.To, range.Bucket, range.GroupBy, ct);

        var (wholeFrom, wholeTo) = (KpiBuckets.Start(range.Bucket, first), KpiBuckets.Start(range.Bucket, end));
        var totals = await RollupTotalsAsync(first, end, range.Bucket, range.GroupBy, ct);
        if (range.From < wholeFrom)
            totals.AddRange(await DetailTotalsAsync(range.From, wholeFrom, range.Bucket, range.GroupBy, ct));
        if (wholeTo < range.To)
            totals.AddRange(await DetailTotalsAsync(wholeTo, range.To, range.Bucket, range.GroupBy, ct));
        return totals;
    }

    /// <summary>The totals of the orders paid in [<paramref name="from"/>, <paramref name="to"/>), grouped in the database.</summary>
    internal Task<List<RevenueTotal>> DetailTotalsAsync(DateTime from, DateTime to, KpiBucket bucket, KpiDimension? groupBy, CancellationToken ct)
    {
        var paid = db.Orders.AsNoTracking().Where(o => o.Status == OrderStatus.Paid && o.PaidAt >= from && o.PaidAt < to);
        Expression<Func<OrderSource, DateTime>> paidAt = s => s.Order.PaidAt!.Value;
        var facts = OrderSource.Of(paid, db, groupBy).Select(KpiProjection.Of<OrderSource, Fact>(
            (s, b, dimension) => new Fact { Bucket = b, Dimension = dimension, Currency = s.Order.Currency, ClientId = s.Order.ClientId, Net = s.Order.NetAmountMinor },
            paidAt.Then(KpiBuckets.Ordinal(bucket)), OrderSource.Dimension(groupBy)));
        // Two levels of GROUP BY in one statement: per client (orders, net), then per bucket, dimension and currency.
        return Totals(facts
                .GroupBy(f => new { f.Bucket, f.Dimension, f.Currency, f.ClientId })
                .Select(g => new PerClient { Bucket = g.Key.Bucket, Dimension = g.Key.Dimension, Currency = g.Key.Currency, Orders = g.Count(), Net = g.Sum(f => f.Net) }))
            .ToListAsync(ct);
    }

    /// <summary>
    /// The totals of the month or quarter buckets [<paramref name="first"/>, <paramref name="end"/>) from the month rollups
    /// of all orders: per bucket, currency and client first (for months in the order of the rollups' index, so the database
    /// aggregates as it reads), then, for a dimension, the client's owner or origin lead joined to those rows.
    /// </summary>
    internal Task<List<RevenueTotal>> RollupTotalsAsync(int first, int end, KpiBucket bucket, KpiDimension? groupBy, CancellationToken ct)
    {
        var months = bucket == KpiBucket.Quarter ? 3 : 1;
        var rows = db.OrderMonthRollups.AsNoTracking().Where(r => r.Month >= first * months && r.Month < end * months);
        var perClient = (bucket == KpiBucket.Quarter
                ? rows.GroupBy(r => new { Bucket = r.Month / 3, r.Currency, r.ClientId })
                : rows.GroupBy(r => new { Bucket = r.Month, r.Currency, r.ClientId }))
            .Where(g => g.Sum(r => r.Orders) > 0)
            .Select(g => new ClientBucket { Bucket = g.Key.Bucket, Currency = g.Key.Currency, ClientId = g.Key.ClientId, Orders = g.Sum(r => r.Orders), Net = g.Sum(r => r.NetMinor) });
        if (groupBy is null)
            return Totals(perClient.Select(c => new PerClient { Bucket = c.Bucket, Dimension = null, Currency = c.Currency, Orders = c.Orders, Net = c.Net })).ToListAsync(ct);

        var sources =
            from c in perClient
            join cl in db.Clients on c.ClientId equals cl.Id
            join l in db.Leads on cl.OriginLeadId equals (long?)l.Id into origin
            from l in origin.DefaultIfEmpty()
            select new ClientSource { Row = c, Client = cl, Lead = l };
        return Totals(sources.Select(KpiProjection.Of<ClientSource, PerClient>(
                (s, b, dimension) => new PerClient { Bucket = b, Dimension = dimension, Currency = s.Row.Currency, Orders = s.Row.Orders, Net = s.Row.Net },
                s => s.Row.Bucket, Dimension(groupBy))))
            .ToListAsync(ct);
    }

    /// <summary>The dimension value of a client's orders: MANAGER the client's owner, the others the origin lead's (as <see cref="OrderSource.Dimension"/>).</summary>
    private static Expression<Func<ClientSource, string?>> Dimension(KpiDimension? dimension)
    {
        if (dimension == KpiDimension.Manager)
            return s => s.Client.OwnerId == null ? null : ((long)s.Client.OwnerId).ToString();
        Expression<Func<ClientSource, Lead>> lead = s => s.Lead!;
        return lead.Then(KpiDimensions.OfLead(dimension));
    }

    private static IQueryable<RevenueTotal> Totals(IQueryable<PerClient> perClient) => perClient
        .GroupBy(c => new { c.Bucket, c.Dimension, c.Currency })
        .Select(g => new RevenueTotal(g.Key.Bucket, g.Key.Dimension, g.Key.Currency, g.Sum(c => c.Orders), g.Sum(c => c.Net), g.Count(), g.Count(c => c.Orders >= 2)));
}
