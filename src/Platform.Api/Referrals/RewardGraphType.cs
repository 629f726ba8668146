using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain.Referrals;
using Platform.GraphQL.Server.Projection;

namespace Platform.Api.Referrals;

/// <summary>The <c>Reward</c> object type (the CLR name avoids the domain's <see cref="RewardType"/> enum).</summary>
public sealed class RewardGraphType : EntityType<Reward>
{
    public RewardGraphType() : base("A reward owed to a referrer for one referral: PENDING at conversion, EARNED at the referred client's first paid order, APPROVED after the holding period, PAID by a payout, or VOID (e.g. refunded within the holding period).")
    {
        Field(x => x.Status);
        Field<NonNullGraphType<MoneyType>>("amount").Description("Reward amount after the program's cap; 0 until earned.").Reads(x => new { x.AmountMinor, x.Currency }).Resolve(c => c.Source.Amount);
        Field(x => x.EarnedAt, nullable: true);
        Field(x => x.ApprovableAt, nullable: true);
        Field(x => x.ApprovedAt, nullable: true);
        Field(x => x.PaidAt, nullable: true);
        Field(x => x.VoidReason, nullable: true);
        Field(x => x.VoidedAt, nullable: true);
        Field<NonNullGraphType<ReferralType>>("referral").Description("The referral the reward is for.").Reads(x => x.ReferralId).Resolve(c => c.LoadById<Referral>(c.Source.ReferralId));
        Field<PayoutType>("payout").Description("The payout that paid the reward.").Reads(x => x.PayoutId).Resolve(c => c.LoadById<Payout>(c.Source.PayoutId));
    }
}
