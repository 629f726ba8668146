using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Domain.Kpis;
using Platform.Domain.Leads;

namespace Platform.Api.Kpis;

/// <summary>
/// Per-channel basic reporting: reach, clicks, conversion of clicks into applications (leads)
/// and the cost of an application, per bucket and channel — or per landing page (marketing by landing page). Two
/// grouped statements: the leads, and the recorded spend with its reach and clicks.
/// </summary>
public sealed class ChannelKpis(PlatformDbContext db)
{
    private sealed class LeadFact
    {
        public int Bucket { get; init; }
        public string? Dimension { get; init; }
    }

    private sealed class SpendFact
    {
        public int Bucket { get; init; }
        public string? Dimension { get; init; }
        public long Amount { get; init; }
        public long? Reach { get; init; }
        public long? Clicks { get; init; }
    }

    private sealed record Spend(int Bucket, string? Dimension, long Amount, long Reach, int WithReach, long Clicks, int WithClicks);

    /// <summary>
    /// Applications are the leads created in the bucket through the channel (or landing page); spend, reach and clicks
    /// are those of the spend records in <paramref name="currency"/> whose period starts in the bucket (all of it, as in
    /// <c>marketingKpi</c>). Reach and clicks are null when no such record gave them. Application rate =
    /// applications / clicks × 100 (null without clicks); cost of an application = spend / applications (null without).
    /// </summary>
    public async Task<IReadOnlyList<ChannelRow>> ChannelsAsync(KpiRange range, string currency, CancellationToken ct)
    {
        var byLandingPage = range.GroupBy == KpiDimension.LandingPage;
        Expression<Func<Lead, DateTime>> createdAt = l => l.CreatedAt;
        var leads = await db.Leads.AsNoTracking()
            .Where(l => l.CreatedAt >= range.From && l.CreatedAt < range.To)
            .Select(KpiProjection.Of<Lead, LeadFact>(
                (l, bucket, dimension) => new LeadFact { Bucket = bucket, Dimension = dimension },
                createdAt.Then(KpiBuckets.Ordinal(range.Bucket)), byLandingPage ? l => l.LandingPage : l => l.Channel))
            .GroupBy(f => new { f.Bucket, f.Dimension })
            .Select(g => new { g.Key.Bucket, g.Key.Dimension, Count = g.Count() })
            .ToDictionaryAsync(g => (g.Bucket, g.Dimension), g => g.Count, ct);

        Expression<Func<MarketingSpend, DateTime>> periodStart = s => s.PeriodStart;
        var spend = await db.MarketingSpends.AsNoTracking()
            .Where(s => s.PeriodStart >= range.From && s.PeriodStart < range.To && s.Currency == currency)
            .Select(KpiProjection.Of<MarketingSpend, SpendFact>(
                (s, bucket, dimension) => new SpendFact { Bucket = bucket, Dimension = dimension, Amount = s.AmountMinor, Reach = s.Impressions, Clicks = s.Clicks },
                periodStart.Then(KpiBuckets.Ordinal(range.Bucket)), byLandingPage ? s => s.LandingPage : s => s.Channel))
            .GroupBy(f => new { f.Bucket, f.Dimension })
            .Select(g => new Spend(g.Key.Bucket, g.Key.Dimension, g.Sum(f => f.Amount),
                g.Sum(f => f.Reach ?? 0), g.Count(f => f.Reach != null), g.Sum(f => f.Clicks ?? 0), g.Count(f => f.Clicks != null)))
            .ToDictionaryAsync(s => (s.Bucket, s.Dimension), ct);

        return leads.Keys.Union(spend.Keys)
            .OrderBy(k => k.Bucket).ThenBy(k => k.Dimension, StringComparer.Ordinal)
            .Select(k =>
            {
                var applications = leads.GetValueOrDefault(k);
                var s = spend.GetValueOrDefault(k);
                long? reach = s is { WithReach: > 0 } ? s.Reach : null;
                long? clicks = s is { WithClicks: > 0 } ? s.Clicks : null;
                var amount = s?.Amount ?? 0;
                return new ChannelRow(KpiBuckets.Start(range.Bucket, k.Bucket), k.Dimension, currency, reach, clicks, applications,
                    clicks is null or 0 ? null : 100.0 * applications / clicks.Value, amount,
                    applications == 0 ? null : (long)Math.Round((decimal)amount / applications, MidpointRounding.ToEven));
            })
            .ToList();
    }
}
