using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Domain.Clients;
using Platform.Domain.Orders;
using Platform.Domain.Referrals;

namespace Platform.Api.Kpis;

/// <summary>
/// Referral KPIs: revenue of referred clients and the rewards it earned
/// per partner, and referrals per loyal client (R6, benchmark 2). Every figure is a grouped statement.
/// </summary>
public sealed class ReferralKpis(PlatformDbContext db)
{
    /// <summary>R6: "each loyal customer will bring two new ones" — the benchmark of referrals per loyal client.</summary>
    public const double ReferralsPerLoyalClientBenchmark = 2;

    private sealed class OrderSource
    {
        public Order Order { get; init; } = null!;
        public Referral Referral { get; init; } = null!;
    }

    private sealed class RewardSource
    {
        public Reward Reward { get; init; } = null!;
        public Referral Referral { get; init; } = null!;
    }

    private sealed class Fact
    {
        public int Bucket { get; init; }
        public string? Dimension { get; init; }
        public string Currency { get; init; } = "";
        public long Amount { get; init; }
        public RewardStatus Status { get; init; }
    }

    /// <summary>A referred client's first payment and the referring client's owner.</summary>
    private sealed class ReferredFact
    {
        public DateTime At { get; init; }
        public string? Manager { get; init; }
    }

    private sealed class BucketedReferral
    {
        public int Bucket { get; init; }
        public string? Manager { get; init; }
    }

    private sealed record Revenue(int Bucket, string? Dimension, string Currency, int Orders, long Amount);

    private sealed record Rewards(int Bucket, string? Dimension, string Currency, long Total, long Earned, long Approved, long Paid, long Void);

    /// <summary>
    /// Per bucket, referring partner and currency: the paid orders (bucket of <c>PaidAt</c>; refunded and cancelled ones
    /// are no revenue) of clients that came through a referral, and the rewards earned in the bucket (bucket of
    /// <c>EarnedAt</c>, a cohort like the lead KPIs) split by their status now. Pending rewards (nothing paid yet, R3)
    /// have no earning date and do not count. Referrals by a client ("refer a friend") have no partner.
    /// </summary>
    public async Task<IReadOnlyList<ReferralRow>> PartnersAsync(KpiRange range, CancellationToken ct)
    {
        Expression<Func<OrderSource, DateTime>> paidAt = s => s.Order.PaidAt!.Value;
        var revenue = await (
                from o in db.Orders.AsNoTracking()
                where o.Status == OrderStatus.Paid && o.PaidAt >= range.From && o.PaidAt < range.To
                // A client's first referral only (first valid attribution wins), so no order counts twice.
                join r in db.Referrals.Where(r => !db.Referrals.Any(e => e.ClientId == r.ClientId && e.Id < r.Id)) on (long?)o.ClientId equals r.ClientId
                select new OrderSource { Order = o, Referral = r })
            .Select(KpiProjection.Of<OrderSource, Fact>(
                (s, bucket, dimension) => new Fact { Bucket = bucket, Dimension = dimension, Currency = s.Order.Currency, Amount = s.Order.NetAmountMinor },
                paidAt.Then(KpiBuckets.Ordinal(range.Bucket)), s => s.Referral.PartnerId == null ? null : ((long)s.Referral.PartnerId).ToString()))
            .GroupBy(f => new { f.Bucket, f.Dimension, f.Currency })
            .Select(g => new Revenue(g.Key.Bucket, g.Key.Dimension, g.Key.Currency, g.Count(), g.Sum(f => f.Amount)))
            .ToListAsync(ct);

        Expression<Func<RewardSource, DateTime>> earnedAt = s => s.Reward.EarnedAt!.Value;
        var rewards = await (
                from w in db.Rewards.AsNoTracking()
                where w.EarnedAt >= range.From && w.EarnedAt < range.To
                join r in db.Referrals on w.ReferralId equals r.Id
                select new RewardSource { Reward = w, Referral = r })
            .Select(KpiProjection.Of<RewardSource, Fact>(
                (s, bucket, dimension) => new Fact { Bucket = bucket, Dimension = dimension, Currency = s.Reward.Currency, Amount = s.Reward.AmountMinor, Status = s.Reward.Status },
                earnedAt.Then(KpiBuckets.Ordinal(range.Bucket)), s => s.Referral.PartnerId == null ? null : ((long)s.Referral.PartnerId).ToString()))
            .GroupBy(f => new { f.Bucket, f.Dimension, f.Currency })
            .Select(g => new Rewards(g.Key.Bucket, g.Key.Dimension, g.Key.Currency, g.Sum(f => f.Amount),
                g.Sum(f => f.Status == RewardStatus.Earned ? f.Amount : 0), g.Sum(f => f.Status == RewardStatus.Approved ? f.Amount : 0),
                g.Sum(f => f.Status == RewardStatus.Paid ? f.Amount : 0), g.Sum(f => f.Status == RewardStatus.Void ? f.Amount : 0)))
            .ToListAsync(ct);

        var revenueByKey = revenue.ToDictionary(r => (r.Bucket, r.Dimension, r.Currency));
        var rewardsByKey = rewards.ToDictionary(r => (r.Bucket, r.Dimension, r.Currency));
        return revenueByKey.Keys.Union(rewardsByKey.Keys)
            .OrderBy(k => k.Bucket).ThenBy(k => k.Dimension is null ? -1 : long.Parse(k.Dimension, System.Globalization.CultureInfo.InvariantCulture)).ThenBy(k => k.Currency, StringComparer.Ordinal)
            .Select(k =>
            {
                var orders = revenueByKey.GetValueOrDefault(k);
                var earned = rewardsByKey.GetValueOrDefault(k);
                return new ReferralRow(KpiBuckets.Start(range.Bucket, k.Bucket), KpiDimensions.Display(KpiDimension.Partner, k.Dimension), k.Currency,
                    orders?.Orders ?? 0, orders?.Amount ?? 0, earned?.Total ?? 0, earned?.Earned ?? 0, earned?.Approved ?? 0, earned?.Paid ?? 0, earned?.Void ?? 0);
            })
            .ToList();
    }

    /// <summary>
    /// Referrals per loyal client (R6): clients referred by a client that became real — paying (R3) —
    /// in the bucket (bucket of their first paid order), over the loyal clients now (categories Loyal, Committed, Fan;
    /// categories have no history). Grouped by MANAGER: the referring client's owner and the loyal client's owner.
    /// Rows only for buckets with a referred real client; the ratio is null without loyal clients. Two statements.
    /// </summary>
    public async Task<IReadOnlyList<ReferralsPerLoyalClientRow>> PerLoyalClientAsync(KpiRange range, CancellationToken ct)
    {
        var byManager = range.GroupBy == KpiDimension.Manager;
        var firstPaid = db.Orders
            .Where(o => o.Status == OrderStatus.Paid && o.PaidAt != null)
            .GroupBy(o => o.ClientId)
            .Select(g => new { ClientId = g.Key, At = g.Min(o => o.PaidAt!.Value) });
        var bucketOf = KpiBuckets.Ordinal(range.Bucket);
        Expression<Func<ReferredFact, DateTime>> at = f => f.At;
        var referred = await (
                from r in db.Referrals.AsNoTracking()
                where r.ReferrerClientId != null && !db.Referrals.Any(e => e.ClientId == r.ClientId && e.Id < r.Id) // each client once
                join f in firstPaid on r.ClientId equals (long?)f.ClientId
                join c in db.Clients on r.ReferrerClientId equals (long?)c.Id
                where f.At >= range.From && f.At < range.To
                select new ReferredFact { At = f.At, Manager = byManager && c.OwnerId != null ? ((long)c.OwnerId).ToString() : null })
            .Select(KpiProjection.Of<ReferredFact, BucketedReferral>(
                (f, bucket, manager) => new BucketedReferral { Bucket = bucket, Manager = manager }, at.Then(bucketOf), f => f.Manager))
            .GroupBy(p => new { p.Bucket, p.Manager })
            .Select(g => new { g.Key.Bucket, g.Key.Manager, Count = g.Count() })
            .ToListAsync(ct);
        var loyal = await db.Clients.AsNoTracking()
            .Where(c => c.LoyaltyCategory == LoyaltyCategory.Loyal || c.LoyaltyCategory == LoyaltyCategory.Committed || c.LoyaltyCategory == LoyaltyCategory.Fan)
            .GroupBy(c => byManager && c.OwnerId != null ? ((long)c.OwnerId).ToString() : null)
            .Select(g => new { Manager = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var loyalBy = loyal.ToDictionary(l => l.Manager ?? "", l => l.Count);
        return referred
            .OrderBy(r => r.Bucket).ThenBy(r => r.Manager, StringComparer.Ordinal)
            .Select(r =>
            {
                var loyalClients = loyalBy.GetValueOrDefault(r.Manager ?? "");
                return new ReferralsPerLoyalClientRow(KpiBuckets.Start(range.Bucket, r.Bucket), KpiDimensions.Display(range.GroupBy, r.Manager),
                    r.Count, loyalClients, loyalClients == 0 ? null : (double)r.Count / loyalClients);
            })
            .ToList();
    }
}
