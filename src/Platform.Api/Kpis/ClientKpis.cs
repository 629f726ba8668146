using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Data;
using Platform.Domain.Clients;
using Platform.Domain.Leads;
using Platform.Domain.Loyalty;
using Platform.Domain.Orders;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Kpis;

/// <summary>
/// Client KPIs of SPEC §4 ([004]): the share of turnover per client and the share of strategic clients, and the
/// sleeping clients as of each bucket's end. The rules themselves are the client card's
/// (<see cref="ClientInsightsOptions.IsStrategic"/>, <see cref="PurchaseStats.IsSleepingAt"/>), never written twice.
/// </summary>
public sealed class ClientKpis(PlatformDbContext db, IOptions<ClientInsightsOptions> insights, IOptions<LoyaltyOptions> loyalty)
{
    /// <summary>Default and largest number of client rows per bucket and currency.</summary>
    public const int DefaultTop = 10, MaxTop = 100;

    private sealed class Fact
    {
        public int Bucket { get; init; }
        public string Currency { get; init; } = "";
        public long ClientId { get; init; }
        public string Name { get; init; } = "";
        public long Net { get; init; }
    }

    private sealed record PerClient(int Bucket, string Currency, long ClientId, string Name, int Orders, long Net);

    /// <summary>The per-client turnover of a range, kept for the request (this service is scoped), so strategicClientsKpi and strategicShareKpi in one request cost one statement.</summary>
    private readonly Dictionary<(DateTime, DateTime, KpiBucket), List<PerClient>> _turnover = [];

    /// <summary>An order with the lead its client came from, if any (the lead dimensions of a client).</summary>
    private sealed class Source
    {
        public Order Order { get; init; } = null!;
        public Lead? Lead { get; init; }
    }

    private sealed class Purchase
    {
        public long ClientId { get; init; }
        public string? Dimension { get; init; }
        public DateTime PlacedAt { get; init; }
        public DateTime PaidAt { get; init; }
    }

    /// <summary>
    /// Share of turnover per client (SPEC §4, [004]): one grouped statement sums the net revenue of the orders paid in
    /// the range per bucket, currency and client; shares and the strategic flag (strictly more than 10 %, DECISIONS
    /// [Clients]) are taken against the bucket's total in that currency.
    /// </summary>
    public async Task<(IReadOnlyList<StrategicClientRow> Clients, IReadOnlyList<StrategicShareRow> Shares)> TurnoverSharesAsync(
        KpiRange range, int top, CancellationToken ct)
    {
        var options = insights.Value;
        var key = (range.From, range.To, range.Bucket);
        if (!_turnover.TryGetValue(key, out var perClient))
            _turnover[key] = perClient = await TurnoverPerClientAsync(range, ct);

        var clients = new List<StrategicClientRow>();
        var shares = new List<StrategicShareRow>();
        foreach (var g in perClient.GroupBy(c => (c.Bucket, c.Currency))
                     .OrderBy(g => g.Key.Bucket).ThenBy(g => g.Key.Currency, StringComparer.Ordinal))
        {
            var start = KpiBuckets.Start(range.Bucket, g.Key.Bucket);
            var total = g.Sum(c => c.Net);
            var ranked = g.OrderByDescending(c => c.Net).ThenBy(c => c.ClientId).ToList();
            var strategic = ranked.Where(c => options.IsStrategic(c.Net, total)).ToList();
            var strategicRevenue = strategic.Sum(c => c.Net);
            shares.Add(new StrategicShareRow(start, g.Key.Currency, total, ranked.Count, strategic.Count, strategicRevenue, Share(strategicRevenue, total)));
            clients.AddRange(ranked.Take(top).Select((c, i) => new StrategicClientRow(
                start, g.Key.Currency, i + 1, GlobalId.Encode(nameof(Client), c.ClientId), c.Name, c.Orders, c.Net, Share(c.Net, total),
                options.IsStrategic(c.Net, total))));
        }
        return (clients, shares);
    }

    /// <summary>Σ net per bucket, currency and client of the orders paid in the range: one grouped statement.</summary>
    private async Task<List<PerClient>> TurnoverPerClientAsync(KpiRange range, CancellationToken ct)
    {
        Expression<Func<Order, DateTime>> paidAt = o => o.PaidAt!.Value;
        return await db.Orders.AsNoTracking()
            .Where(o => o.Status == OrderStatus.Paid && o.PaidAt >= range.From && o.PaidAt < range.To)
            .Select(KpiProjection.Of<Order, Fact>(
                (o, bucket, dimension) => new Fact { Bucket = bucket, Currency = o.Currency, ClientId = o.ClientId, Name = o.Client.Name, Net = o.NetAmountMinor },
                paidAt.Then(KpiBuckets.Ordinal(range.Bucket)), o => null))
            .GroupBy(f => new { f.Bucket, f.Currency, f.ClientId, f.Name })
            .Select(g => new PerClient(g.Key.Bucket, g.Key.Currency, g.Key.ClientId, g.Key.Name, g.Count(), g.Sum(f => f.Net)))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Sleeping clients as of the end of each bucket (or the range end, for the last one): the clients with a paid order
    /// by then and, of those, the ones the client card's rule calls sleeping at that moment (≥ 2 paid orders, time since
    /// the last order &gt; 2.5 × the median interval, DECISIONS [Clients]), in the loyalty currency like
    /// <c>Client.isSleeping</c>. The median is no portable SQL aggregate, so the database returns only the client,
    /// dimension and the two timestamps of each paid order up to the range end (one statement) and the rule runs here.
    /// </summary>
    public async Task<IReadOnlyList<SleepingClientsRow>> SleepingAsync(KpiRange range, CancellationToken ct)
    {
        var options = insights.Value;
        var currency = loyalty.Value.Currency;
        var sources =
            from o in db.Orders.AsNoTracking()
            where o.Status == OrderStatus.Paid && o.PaidAt < range.To && o.Currency == currency
            join l in db.Leads on o.Client.OriginLeadId equals (long?)l.Id into origin
            from l in origin.DefaultIfEmpty()
            select new Source { Order = o, Lead = l };
        var purchases = await sources
            .Select(KpiProjection.Of<Source, Purchase>(
                (s, bucket, dimension) => new Purchase { ClientId = s.Order.ClientId, Dimension = dimension, PlacedAt = s.Order.PlacedAt, PaidAt = s.Order.PaidAt!.Value },
                s => 0, Dimension(range.GroupBy)))
            .ToListAsync(ct);
        var clients = purchases.GroupBy(p => p.ClientId)
            .Select(g => new ClientHistory(g.First().Dimension, g.OrderBy(p => p.PaidAt).ToList()))
            .ToList();

        var ordinal = KpiBuckets.Ordinal(range.Bucket).Compile();
        var rows = new List<SleepingClientsRow>();
        for (var bucket = ordinal(range.From); bucket <= ordinal(range.To.AddTicks(-1)); bucket++)
        {
            var end = KpiBuckets.Start(range.Bucket, bucket + 1);
            var asOf = end < range.To ? end : range.To;
            var counts = new SortedDictionary<string, (int Paying, int Sleeping)>(StringComparer.Ordinal);
            foreach (var client in clients)
            {
                if (!client.AdvanceTo(asOf))
                    continue;
                var sleeping = PurchaseStats.IsSleepingAt(client.Paid, client.Median, client.LastPlacedAt, asOf, options);
                var key = client.Dimension ?? "";
                var (paying, asleep) = counts.GetValueOrDefault(key);
                counts[key] = (paying + 1, asleep + (sleeping ? 1 : 0));
            }
            rows.AddRange(counts.Select(c => new SleepingClientsRow(
                KpiBuckets.Start(range.Bucket, bucket), KpiDimensions.Display(range.GroupBy, c.Key == "" ? null : c.Key), asOf,
                c.Value.Paying, c.Value.Sleeping, Durations.Percent(c.Value.Sleeping, c.Value.Paying))));
        }
        return rows;
    }

    /// <summary>part / total × 100; null when the total is 0 (orders netting to nothing).</summary>
    /// <summary>
    /// A client's paid orders in payment order, read up to a moving "as of" (buckets only move forward): the median
    /// interval is recomputed only when an order joins, so each bucket costs O(1) per client.
    /// </summary>
    private sealed class ClientHistory(string? dimension, List<Purchase> byPaidAt)
    {
        private readonly List<DateTime> _placed = [];

        public string? Dimension => dimension;

        public int Paid => _placed.Count;

        public decimal? Median { get; private set; }

        public DateTime? LastPlacedAt { get; private set; }

        /// <summary>Takes in the orders paid before <paramref name="asOf"/>; false while there is none.</summary>
        public bool AdvanceTo(DateTime asOf)
        {
            var joined = false;
            while (_placed.Count < byPaidAt.Count && byPaidAt[_placed.Count].PaidAt < asOf)
            {
                var placed = byPaidAt[_placed.Count].PlacedAt;
                var at = _placed.BinarySearch(placed);
                _placed.Insert(at < 0 ? ~at : at, placed);
                joined = true;
            }
            if (joined)
            {
                Median = PurchaseStats.MedianIntervalOf(_placed);
                LastPlacedAt = _placed[^1];
            }
            return _placed.Count > 0;
        }
    }

    private static double? Share(long part, long total) => total == 0 ? null : 100.0 * part / total;

    /// <summary>MANAGER: the client's owner; the lead dimensions: the client's origin lead's (as in <c>revenueKpi</c>).</summary>
    private static Expression<Func<Source, string?>> Dimension(KpiDimension? dimension)
    {
        if (dimension == KpiDimension.Manager)
            return s => s.Order.Client.OwnerId == null ? null : ((long)s.Order.Client.OwnerId).ToString();
        Expression<Func<Source, Lead>> lead = s => s.Lead!;
        return lead.Then(KpiDimensions.OfLead(dimension));
    }
}
