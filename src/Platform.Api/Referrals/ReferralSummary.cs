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
    private sealed class Stamp
    {
        public DateTime? At { get; init; }
        public string Currency { get; init; } = "";
        public long AmountMinor { get; init; }
    }

    private sealed record Bucket(int Year, int Month, string Currency, int Count, long AmountMinor);

    public static async Task<IReadOnlyList<ReferralMonth>> ByMonthAsync(PlatformDbContext db, DateTime from, DateTime to, CancellationToken ct)
    {
        var referred = await Group(db.Referrals.Select(r => new Stamp { At = r.AttributedAt }), from, to, ct);
        var converted = await Group(db.Referrals.Select(r => new Stamp { At = r.ConvertedAt }), from, to, ct);
        var rewards = db.Rewards.AsQueryable();
        var byStatus = new Dictionary<RewardStatus, List<Bucket>>
        {
            [RewardStatus.Earned] = await Group(rewards.Where(w => w.Status != RewardStatus.Void).Select(w => new Stamp { At = w.EarnedAt, Currency = w.Currency, AmountMinor = w.AmountMinor }), from, to, ct),
            [RewardStatus.Approved] = await Group(rewards.Select(w => new Stamp { At = w.ApprovedAt, Currency = w.Currency, AmountMinor = w.AmountMinor }), from, to, ct),
            [RewardStatus.Paid] = await Group(rewards.Select(w => new Stamp { At = w.PaidAt, Currency = w.Currency, AmountMinor = w.AmountMinor }), from, to, ct),
            [RewardStatus.Void] = await Group(rewards.Select(w => new Stamp { At = w.VoidedAt, Currency = w.Currency, AmountMinor = w.AmountMinor }), from, to, ct),
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

    private static async Task<List<Bucket>> Group(IQueryable<Stamp> stamps, DateTime from, DateTime to, CancellationToken ct)
    {
        var rows = await stamps.Where(s => s.At >= from && s.At < to)
            .GroupBy(s => new { s.At!.Value.Year, s.At.Value.Month, s.Currency })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.Currency, Count = g.Count(), Amount = g.Sum(s => s.AmountMinor) })
            .ToListAsync(ct);
        return rows.Select(r => new Bucket(r.Year, r.Month, r.Currency, r.Count, r.Amount)).ToList();
    }
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
