using GraphQL;
using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain.Referrals;

namespace Platform.Api.Referrals;

/// <summary>Input of <c>recordPayout</c>.</summary>
public sealed class RecordPayoutInput
{
    public string PartnerId { get; set; } = "";
    public List<string> RewardIds { get; set; } = [];
    public string Reference { get; set; } = "";
}

/// <summary>The <c>RecordPayoutInput</c> type.</summary>
public sealed class RecordPayoutInputType : InputObjectGraphType<RecordPayoutInput>
{
    public RecordPayoutInputType()
    {
        Name = "RecordPayoutInput";
        Description = "A payment of approved rewards to a partner.";
        Field<NonNullGraphType<IdGraphType>>("partnerId").Description("The partner paid (global ID).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("rewardIds").Description("The APPROVED rewards of the partner's referrals the payout pays (global IDs).");
        Field(x => x.Reference).Description("Bank transfer or invoice reference.");
    }
}

/// <summary>The referral fields of the root mutation (staff and <c>crm:write</c> only).</summary>
public static class ReferralMutations
{
    public static void AddReferralMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ApproveDueRewardsPayloadType>>("approveDueRewards")
            .Description("Approves every EARNED reward whose holding period has passed (a refund within it would have voided the reward). Run daily; repeating it changes nothing.")
            .ResolveAsync(async context => await Service(context).ApproveDueAsync(context.CancellationToken));
        mutation.Field<NonNullGraphType<PayoutPayloadType>>("recordPayout")
            .Description("Records a payout to a partner: the given APPROVED rewards of its referrals become PAID, and the payout's amount is their total.")
            .Argument<NonNullGraphType<RecordPayoutInputType>>("input", "The partner, the rewards paid and the payment reference.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<RecordPayoutInput>("input");
                var partnerId = GlobalIds.Decode<Partner>(input.PartnerId, "input.partnerId");
                var rewardIds = input.RewardIds.Select((id, i) => GlobalIds.Decode<Reward>(id, $"input.rewardIds[{i}]")).ToList();
                return await Service(context).RecordPayoutAsync(input, partnerId, rewardIds, context.CancellationToken);
            });
    }

    private static ReferralService Service(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<ReferralService>();
}
