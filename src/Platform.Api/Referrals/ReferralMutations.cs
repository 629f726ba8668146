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

/// <summary>The referral fields of the root mutation (heads of sales, admins and <c>referrals:admin</c> only: FieldAccess).</summary>
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

    public static void AddReferralAdminMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<PartnerPayloadType>>("createPartner")
            .Description("Creates a partner: an ad agency, system integrator, lead-generation contractor, dealer (with its regions) or adjacent business.")
            .Argument<NonNullGraphType<CreatePartnerInputType>>("input", "The partner.")
            .ResolveAsync(async context => await Admin(context).CreatePartnerAsync(context.GetArgument<CreatePartnerInput>("input"), context.CancellationToken));
        mutation.Field<NonNullGraphType<ReferralProgramPayloadType>>("createReferralProgram")
            .Description("Creates a referral program: reward type and value, attribution window, holding period, cap per referral and active period.")
            .Argument<NonNullGraphType<CreateReferralProgramInputType>>("input", "The program's terms.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<CreateReferralProgramInput>("input");
                var eligible = (input.EligiblePartnerIds ?? []).Select((id, i) => GlobalIds.Decode<Partner>(id, $"input.eligiblePartnerIds[{i}]")).ToList();
                return await Admin(context).CreateProgramAsync(input, eligible, context.CancellationToken);
            });
        mutation.Field<NonNullGraphType<PartnerPayloadType>>("updatePartner")
            .Description("Changes a partner's name, type, regions, contact e-mail or active flag; deactivating a partner stops new attribution to it and its codes.")
            .Argument<NonNullGraphType<UpdatePartnerInputType>>("input", "The partner and its changes.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<UpdatePartnerInput>("input");
                return await Admin(context).UpdatePartnerAsync(input, GlobalIds.Decode<Partner>(input.PartnerId, "input.partnerId"), context.CancellationToken);
            });
        mutation.Field<NonNullGraphType<ReferralProgramPayloadType>>("updateReferralProgram")
            .Description("Changes a referral program's terms, active period or eligible partners. New reward terms apply to rewards earned afterwards; earned rewards keep their amounts.")
            .Argument<NonNullGraphType<UpdateReferralProgramInputType>>("input", "The program and its changes.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<UpdateReferralProgramInput>("input");
                var eligible = input.EligiblePartnerIds?.Select((id, i) => GlobalIds.Decode<Partner>(id, $"input.eligiblePartnerIds[{i}]")).ToList();
                return await Admin(context).UpdateProgramAsync(input, GlobalIds.Decode<ReferralProgram>(input.ProgramId, "input.programId"), eligible, context.CancellationToken);
            });
        mutation.Field<NonNullGraphType<ReferralCodePayloadType>>("createReferralCode")
            .Description("Creates a referral code for a partner or an existing client (\"refer a friend\"); a referrer may have several.")
            .Argument<NonNullGraphType<CreateReferralCodeInputType>>("input", "The code, its program and its referrer.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<CreateReferralCodeInput>("input");
                return await Admin(context).CreateCodeAsync(input,
                    GlobalIds.Decode<ReferralProgram>(input.ProgramId, "input.programId"),
                    GlobalIds.DecodeOptional<Partner>(input.PartnerId, "input.partnerId"),
                    GlobalIds.DecodeOptional<Platform.Domain.Clients.Client>(input.ReferrerClientId, "input.referrerClientId"),
                    context.CancellationToken);
            });
        mutation.Field<NonNullGraphType<ReferralCodePayloadType>>("revokeReferralCode")
            .Description("Revokes a referral code: leads submitted with it afterwards are accepted with a warning and without attribution. Revoking again changes nothing.")
            .Argument<NonNullGraphType<RevokeReferralCodeInputType>>("input", "The code.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<RevokeReferralCodeInput>("input");
                return await Admin(context).RevokeCodeAsync(input.ReferralCodeId, GlobalIds.Decode<ReferralCode>(input.ReferralCodeId, "input.referralCodeId"), context.CancellationToken);
            });
    }

    public static void AddLeadDistributionMutation(this ObjectGraphType mutation) => DistributeLeadsPayloadType.AddTo(mutation);

    private static ReferralAdminService Admin(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<ReferralAdminService>();

    private static ReferralService Service(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<ReferralService>();
}
