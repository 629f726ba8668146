using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain.Referrals;
using Platform.GraphQL.Server.Mutations;

namespace Platform.Api.Referrals;

/// <summary>What <c>recordPayout</c> returns: the payout and the rewards it paid, or why nothing changed.</summary>
public sealed record PayoutPayload(Payout? Payout, IReadOnlyList<Reward> Rewards, IReadOnlyList<IPayloadError> Errors)
{
    public static PayoutPayload Failed(IPayloadError error) => new(null, [], [error]);
}

/// <summary>What <c>approveDueRewards</c> returns: the rewards it approved.</summary>
public sealed record ApproveDueRewardsPayload(IReadOnlyList<Reward> Approved, IReadOnlyList<IPayloadError> Errors);

/// <summary>The <c>PayoutPayload</c> type.</summary>
public sealed class PayoutPayloadType : ObjectGraphType<PayoutPayload>
{
    public PayoutPayloadType()
    {
        Name = "PayoutPayload";
        Description = "The result of `recordPayout`: the payout and the rewards it paid, or the errors that prevented it (then nothing was changed).";
        Field<PayoutType>("payout").Description("The payout recorded; null when there are errors.").Resolve(c => c.Source.Payout);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RewardGraphType>>>>("rewards").Description("The rewards paid, now PAID.").Resolve(c => c.Source.Rewards);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReferralErrorType>>>>("errors").Description("Why the change was refused; empty on success.").Resolve(c => c.Source.Errors);
    }
}

/// <summary>The <c>ApproveDueRewardsPayload</c> type.</summary>
public sealed class ApproveDueRewardsPayloadType : ObjectGraphType<ApproveDueRewardsPayload>
{
    public ApproveDueRewardsPayloadType()
    {
        Name = "ApproveDueRewardsPayload";
        Description = "The result of `approveDueRewards`: the rewards approved now.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RewardGraphType>>>>("approved").Description("Rewards whose holding period had passed, now APPROVED.").Resolve(c => c.Source.Approved);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReferralErrorType>>>>("errors").Description("Why the change was refused; empty on success.").Resolve(c => c.Source.Errors);
    }
}

/// <summary>The <c>ReferralError</c> union.</summary>
public sealed class ReferralErrorType : UnionGraphType
{
    public ReferralErrorType()
    {
        Name = "ReferralError";
        Description = "An expected failure of a referral mutation; nothing was changed.";
        Type<NotFoundErrorType>();
        Type<ConflictErrorType>();
        Type<ValidationErrorType>();
    }
}
