using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Domain.Leads;
using Platform.Domain.Orders;

namespace Platform.Api.Kpis;

/// <summary>
/// Revenue KPIs over paid orders (status PAID; refunded and cancelled ones are no revenue), in the bucket of
/// <c>PaidAt</c>, net of discounts. Lead dimensions are those of the client's origin lead; the manager is the client's
/// owner. The database groups by bucket, dimension, currency and client, so distinct clients stay exact when summed.
/// </summary>
public sealed class RevenueKpis(PlatformDbContext db)
{
    /// <summary>An order with the lead its client came from, if any.</summary>
    private sealed class Source
    {
        public Order Order { get; init; } = null!;
        public Lead? Lead { get; init; }
    }

    private sealed class Fact
    {
        public int Bucket { get; init; }
        public string? Dimension { get; init; }
        public string Currency { get; init; } = "";
        public long ClientId { get; init; }
        public long Net { get; init; }
    }

    private sealed record PerClient(int Bucket, string? Dimension, string Currency, long ClientId, int Orders, long Net);

    /// <summary>Revenue Σ net, average check = revenue / orders, repeat-purchase rate = clients with ≥ 2 paid orders in the bucket / paying clients × 100.</summary>
    public async Task<IReadOnlyList<RevenueRow>> RevenueAsync(KpiRange range, CancellationToken ct)
    {
        var sources =
            from o in db.Orders.AsNoTracking()
            where o.Status == OrderStatus.Paid && o.PaidAt >= range.From && o.PaidAt < range.To
            join l in db.Leads on o.Client.OriginLeadId equals (long?)l.Id into origin
            from l in origin.DefaultIfEmpty()
            select new Source { Order = o, Lead = l };
        Expression<Func<Source, DateTime>> paidAt = s => s.Order.PaidAt!.Value;
        var facts = sources.Select(KpiProjection.Of<Source, Fact>(
            (s, bucket, dimension) => new Fact { Bucket = bucket, Dimension = dimension, Currency = s.Order.Currency, ClientId = s.Order.ClientId, Net = s.Order.NetAmountMinor },
            paidAt.Then(KpiBuckets.Ordinal(range.Bucket)), Dimension(range.GroupBy)));
        var perClient = await facts
            .GroupBy(f => new { f.Bucket, f.Dimension, f.Currency, f.ClientId })
            .Select(g => new PerClient(g.Key.Bucket, g.Key.Dimension, g.Key.Currency, g.Key.ClientId, g.Count(), g.Sum(f => f.Net)))
            .ToListAsync(ct);
        return perClient
            .GroupBy(c => (c.Bucket, c.Dimension, c.Currency))
            .OrderBy(g => g.Key.Bucket).ThenBy(g => g.Key.Dimension, StringComparer.Ordinal).ThenBy(g => g.Key.Currency, StringComparer.Ordinal)
            .Select(g =>
            {
                var orders = g.Sum(c => c.Orders);
                var revenue = g.Sum(c => c.Net);
                var clients = g.Count();
                var repeat = g.Count(c => c.Orders >= 2);
                return new RevenueRow(KpiBuckets.Start(range.Bucket, g.Key.Bucket), KpiDimensions.Display(range.GroupBy, g.Key.Dimension),
                    g.Key.Currency, orders, revenue, (long)Math.Round((decimal)revenue / orders, MidpointRounding.ToEven),
                    clients, repeat, Durations.Percent(repeat, clients));
            })
            .ToList();
    }

    private static Expression<Func<Source, string?>> Dimension(KpiDimension? dimension)
    {
        if (dimension == KpiDimension.Manager)
            return s => s.Order.Client.OwnerId == null ? null : ((long)s.Order.Client.OwnerId).ToString();
        Expression<Func<Source, Lead>> lead = s => s.Lead!;
        return lead.Then(KpiDimensions.OfLead(dimension));
    }
}
