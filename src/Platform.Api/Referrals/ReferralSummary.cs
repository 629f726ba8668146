using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Common;
using Platform.Data;
using Platform.Domain;
using Platform.Domain.Referrals;

namespace Platform.Api.Referrals;

/// <summary>One month of referral activity: each figure counts the events of that month (UTC).</summary>
public sealed record ReferralMonth(DateTime Month, int ReferredLeads, int ConvertedLeads, IReadOnlyList<RewardTotal> Rewards);

/// <summary>Rewards that reached a state in a month, in one currency.</summary>
public sealed record RewardTotal(RewardStatus Status, int Count, Money Amount);

/// <summary>
/// The monthly referral summary, grouped and summed by the database: leads referred (by attribution
/// time), converted (by conversion time), rewards earned, approved, paid and voided (each by the
/// time it reached that state). Earned counts rewards not voided since.
/// </summary>
public static class ReferralSummary
{
    private sealed record Bucket(int Year, int Month, string Currency, int Count, long AmountMinor);

    public static async Task<IReadOnlyList<ReferralMonth>> ByMonthAsync(PlatformDbContext db, DateTime from, DateTime to, CancellationToken ct)
    {
        var referred = await db.Referrals.Where(r => r.AttributedAt >= from && r.AttributedAt < to)
            .GroupBy(r => new { r.AttributedAt.Year, r.AttributedAt.Month })
            .Select(g => new Bucket(g.Key.Year, g.Key.Month, "", g.Count(), 0)).ToListAsync(ct);
        var converted = await db.Referrals.Where(r => r.ConvertedAt >= from && r.ConvertedAt < to)
            .GroupBy(r => new { r.ConvertedAt!.Value.Year, r.ConvertedAt.Value.Month })
            .Select(g => new Bucket(g.Key.Year, g.Key.Month, "", g.Count(), 0)).ToListAsync(ct);
        var byStatus = new Dictionary<RewardStatus, List<Bucket>>
        {
            [RewardStatus.Earned] = await db.Rewards.Where(w => w.Status != RewardStatus.Void && w.EarnedAt >= from && w.EarnedAt < to)
                .GroupBy(w => new { w.EarnedAt!.Value.Year, w.EarnedAt.Value.Month, w.Currency })
                .Select(g => new Bucket(g.Key.Year, g.Key.Month, g.Key.Currency, g.Count(), g.Sum(w => w.AmountMinor))).ToListAsync(ct),
            [RewardStatus.Approved] = await db.Rewards.Where(w => w.ApprovedAt >= from && w.ApprovedAt < to)
                .GroupBy(w => new { w.ApprovedAt!.Value.Year, w.ApprovedAt.Value.Month, w.Currency })
                .Select(g => new Bucket(g.Key.Year, g.Key.Month, g.Key.Currency, g.Count(), g.Sum(w => w.AmountMinor))).ToListAsync(ct),
            [RewardStatus.Paid] = await db.Rewards.Where(w => w.PaidAt >= from && w.PaidAt < to)
                .GroupBy(w => new { w.PaidAt!.Value.Year, w.PaidAt.Value.Month, w.Currency })
                .Select(g => new Bucket(g.Key.Year, g.Key.Month, g.Key.Currency, g.Count(), g.Sum(w => w.AmountMinor))).ToListAsync(ct),
            [RewardStatus.Void] = await db.Rewards.Where(w => w.VoidedAt >= from && w.VoidedAt < to)
                .GroupBy(w => new { w.VoidedAt!.Value.Year, w.VoidedAt.Value.Month, w.Currency })
                .Select(g => new Bucket(g.Key.Year, g.Key.Month, g.Key.Currency, g.Count(), g.Sum(w => w.AmountMinor))).ToListAsync(ct),
        };

        var months = referred.Concat(converted).Concat(byStatus.Values.SelectMany(b => b))
            .Select(b => new DateTime(b.Year, b.Month, 1, 0, 0, 0, DateTimeKind.Utc)).Distinct().Order();
        return months.Select(month => new ReferralMonth(
            month,
            Count(referred, month),
            Count(converted, month),
            byStatus.SelectMany(s => s.Value.Where(b => b.Year == month.Year && b.Month == month.Month)
                .Select(b => new RewardTotal(s.Key, b.Count, new Money(b.AmountMinor, b.Currency)))).ToList())).ToList();
    }

    private static int Count(List<Bucket> buckets, DateTime month) =>
        buckets.Where(b => b.Year == month.Year && b.Month == month.Month).Sum(b => b.Count);
}

/// <summary>The <c>ReferralMonth</c> type.</summary>
public sealed class ReferralMonthType : ObjectGraphType<ReferralMonth>
{
    public ReferralMonthType()
    {
        Name = "ReferralMonth";
        Description = "One month (UTC) of referral activity; each figure counts the events of that month.";
        Field(x => x.Month).Description("First day of the month (UTC).");
        Field(x => x.ReferredLeads).Description("Leads attributed to the referrer in the month.");
        Field(x => x.ConvertedLeads).Description("Referred leads that became clients in the month.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RewardTotalType>>>>("rewards")
            .Description("Rewards earned (and not voided since), approved, paid and voided in the month, per state and currency.")
            .Resolve(c => c.Source.Rewards);
    }
}

/// <summary>The <c>RewardTotal</c> type.</summary>
public sealed class RewardTotalType : ObjectGraphType<RewardTotal>
{
    public RewardTotalType()
    {
        Name = "RewardTotal";
        Description = "Rewards that reached a state in a month, in one currency.";
        Field(x => x.Status).Description("The state reached: EARNED, APPROVED, PAID or VOID.");
        Field(x => x.Count).Description("How many rewards reached it.");
        Field<NonNullGraphType<MoneyType>>("amount").Description("Their total amount.").Resolve(c => c.Source.Amount);
    }
}
