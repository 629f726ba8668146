using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain.Referrals;

namespace Platform.Api.Referrals;

/// <summary>Conditions on referrals; a partner's token applies them to its own referrals only.</summary>
public sealed class ReferralFilter
{
    public List<ReferralStatus>? Status { get; set; }
    public DateTime? AttributedAfter { get; set; }
    public DateTime? AttributedBefore { get; set; }
    public string? PartnerId { get; set; }

    public IQueryable<Referral> Apply(IQueryable<Referral> referrals)
    {
        if (Status is { Count: > 0 } status)
            referrals = referrals.Where(r => status.Contains(r.Status));
        if (AttributedAfter is { } after)
            referrals = referrals.Where(r => r.AttributedAt >= after);
        if (AttributedBefore is { } before)
            referrals = referrals.Where(r => r.AttributedAt < before);
        if (GlobalIds.DecodeOptional<Partner>(PartnerId, "filter.partnerId") is { } partnerId)
            referrals = referrals.Where(r => r.PartnerId == partnerId);
        return referrals;
    }
}

/// <summary>The <c>ReferralFilter</c> input type.</summary>
public sealed class ReferralFilterInputType : InputObjectGraphType<ReferralFilter>
{
    public ReferralFilterInputType()
    {
        Name = "ReferralFilter";
        Description = "Conditions on referrals. All given conditions must hold; a list matches any of its values.";
        Field(x => x.Status, nullable: true).Description("Referrals in any of these statuses.");
        Field(x => x.AttributedAfter, nullable: true).Description("Referrals attributed at or after this time (UTC).");
        Field(x => x.AttributedBefore, nullable: true).Description("Referrals attributed before this time (UTC).");
        Field<IdGraphType>("partnerId").Description("Referrals of this partner (global ID); a partner's token sees only its own anyway.");
    }
}

/// <summary>Conditions on rewards; a partner's token applies them to its own rewards only.</summary>
public sealed class RewardFilter
{
    public List<RewardStatus>? Status { get; set; }
    public string? PartnerId { get; set; }

    public IQueryable<Reward> Apply(IQueryable<Reward> rewards, IQueryable<Referral> referrals)
    {
        if (Status is { Count: > 0 } status)
            rewards = rewards.Where(w => status.Contains(w.Status));
        if (GlobalIds.DecodeOptional<Partner>(PartnerId, "filter.partnerId") is { } partnerId)
            rewards = rewards.Where(w => referrals.Any(r => r.Id == w.ReferralId && r.PartnerId == partnerId));
        return rewards;
    }
}

/// <summary>The <c>RewardFilter</c> input type.</summary>
public sealed class RewardFilterInputType : InputObjectGraphType<RewardFilter>
{
    public RewardFilterInputType()
    {
        Name = "RewardFilter";
        Description = "Conditions on rewards. All given conditions must hold; a list matches any of its values.";
        Field(x => x.Status, nullable: true).Description("Rewards in any of these states.");
        Field<IdGraphType>("partnerId").Description("Rewards of this partner's referrals (global ID); a partner's token sees only its own anyway.");
    }
}
