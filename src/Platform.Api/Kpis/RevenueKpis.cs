using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Domain.Leads;
using Platform.Domain.Orders;

namespace Platform.Api.Kpis;

/// <summary>
/// Revenue KPIs over paid orders (status PAID; refunded and cancelled ones are no revenue), in the bucket of
/// <c>PaidAt</c>, net of discounts. Lead dimensions are those of the client's origin lead; the manager is the client's
/// owner. The database groups by bucket, dimension, currency and client, then by bucket, dimension and currency (one
/// statement), so distinct clients stay exact and only the report's rows travel to the API.
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

    private sealed record Total(int Bucket, string? Dimension, string Currency, int Orders, long Revenue, int Clients, int RepeatClients);

    /// <summary>Revenue Σ net, average check = revenue / orders, repeat-purchase rate = clients with ≥ 2 paid orders in the bucket / paying clients × 100.</summary>
    public Task<IReadOnlyList<RevenueRow>> RevenueAsync(KpiRange range, CancellationToken ct) =>
        cache is null ? ComputeRevenueAsync(range, ct) : cache.GetOrComputeAsync(actor, "revenue", range, () => ComputeRevenueAsync(range, ct), ct);

    private async Task<IReadOnlyList<RevenueRow>> ComputeRevenueAsync(KpiRange range, CancellationToken ct)
    {
        var paid = db.Orders.AsNoTracking().Where(o => o.Status == OrderStatus.Paid && o.PaidAt >= range.From && o.PaidAt < range.To);
        Expression<Func<OrderSource, DateTime>> paidAt = s => s.Order.PaidAt!.Value;
        var facts = OrderSource.Of(paid, db, range.GroupBy).Select(KpiProjection.Of<OrderSource, Fact>(
            (s, bucket, dimension) => new Fact { Bucket = bucket, Dimension = dimension, Currency = s.Order.Currency, ClientId = s.Order.ClientId, Net = s.Order.NetAmountMinor },
            paidAt.Then(KpiBuckets.Ordinal(range.Bucket)), OrderSource.Dimension(range.GroupBy)));
        // Two levels of GROUP BY in one statement: per client (orders, net), then per bucket, dimension and currency.
        var totals = await facts
            .GroupBy(f => new { f.Bucket, f.Dimension, f.Currency, f.ClientId })
            .Select(g => new PerClient { Bucket = g.Key.Bucket, Dimension = g.Key.Dimension, Currency = g.Key.Currency, Orders = g.Count(), Net = g.Sum(f => f.Net) })
            .GroupBy(c => new { c.Bucket, c.Dimension, c.Currency })
            .Select(g => new Total(g.Key.Bucket, g.Key.Dimension, g.Key.Currency, g.Sum(c => c.Orders), g.Sum(c => c.Net), g.Count(), g.Count(c => c.Orders >= 2)))
            .ToListAsync(ct);
        return totals
            .OrderBy(t => t.Bucket).ThenBy(t => t.Dimension, StringComparer.Ordinal).ThenBy(t => t.Currency, StringComparer.Ordinal)
            .Select(t => new RevenueRow(KpiBuckets.Start(range.Bucket, t.Bucket), KpiDimensions.Display(range.GroupBy, t.Dimension),
                t.Currency, t.Orders, t.Revenue, (long)Math.Round((decimal)t.Revenue / t.Orders, MidpointRounding.ToEven),
                t.Clients, t.RepeatClients, Durations.Percent(t.RepeatClients, t.Clients)))
            .ToList();
    }
}
