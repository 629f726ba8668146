using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain.Clients;
using Platform.Domain.Leads;
using Platform.Domain.Referrals;
using Platform.GraphQL.Server.Mutations;

namespace Platform.Api.Referrals;

/// <summary>The referral fields of the root mutation (heads of sales, admins and <c>referrals:admin</c> only: FieldAccess).</summary>
public static class ReferralMutations
{
    public static void AddReferralMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ApproveDueRewardsPayloadType>>("approveDueRewards")
            .Description("Approves every EARNED reward whose holding period has passed (a refund within it would have voided the reward). Run daily; repeating it changes nothing.")
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<ReferralService>().ApproveDueAsync(context.CancellationToken));
        mutation.InputMutation<PayoutPayloadType, RecordPayoutInputType>("recordPayout",
                "Records a payout to a partner: the given APPROVED rewards of its referrals become PAID, and the payout's amount is their total.",
                "The partner, the rewards paid and the payment reference.")
            .Resolve((ReferralService referrals, RecordPayoutInput input, CancellationToken ct) =>
            {
                var partnerId = PartnerId(input.PartnerId);
                var rewardIds = input.RewardIds.Select((id, i) => GlobalIds.Decode<Reward>(id, $"input.rewardIds[{i}]")).ToList();
                return referrals.RecordPayoutAsync(input, partnerId, rewardIds, ct);
            });
    }

    public static void AddReferralAdminMutations(this ObjectGraphType mutation)
    {
        mutation.InputMutation<PartnerPayloadType, CreatePartnerInputType>("createPartner",
                "Creates a partner: an ad agency, system integrator, lead-generation contractor, dealer (with its regions) or adjacent business.",
                "The partner.")
            .Resolve((ReferralAdminService admin, CreatePartnerInput input, CancellationToken ct) => admin.CreatePartnerAsync(input, ct));
        mutation.InputMutation<ReferralProgramPayloadType, CreateReferralProgramInputType>("createReferralProgram",
                "Creates a referral program: reward type and value, attribution window, holding period, cap per referral and active period.",
                "The program's terms.")
            .Resolve((ReferralAdminService admin, CreateReferralProgramInput input, CancellationToken ct) =>
                admin.CreateProgramAsync(input, EligiblePartnerIds(input.EligiblePartnerIds ?? []), ct));
        mutation.InputMutation<PartnerPayloadType, UpdatePartnerInputType>("updatePartner",
                "Changes a partner's name, type, regions, contact e-mail or active flag; deactivating a partner stops new attribution to it and its codes.",
                "The partner and its changes.")
            .Resolve((ReferralAdminService admin, UpdatePartnerInput input, CancellationToken ct) =>
                admin.UpdatePartnerAsync(input, PartnerId(input.PartnerId), ct));
        mutation.InputMutation<ReferralProgramPayloadType, UpdateReferralProgramInputType>("updateReferralProgram",
                "Changes a referral program's terms, active period or eligible partners. New reward terms apply to rewards earned afterwards; earned rewards keep their amounts.",
                "The program and its changes.")
            .Resolve((ReferralAdminService admin, UpdateReferralProgramInput input, CancellationToken ct) =>
            {
                var eligible = input.EligiblePartnerIds is { } ids ? EligiblePartnerIds(ids) : null;
                return admin.UpdateProgramAsync(input, ProgramId(input.ProgramId), eligible, ct);
            });
        mutation.InputMutation<ReferralCodePayloadType, CreateReferralCodeInputType>("createReferralCode",
                "Creates a referral code for a partner or an existing client (\"refer a friend\"); a referrer may have several.",
                "The code, its program and its referrer.")
            .Resolve((ReferralAdminService admin, CreateReferralCodeInput input, CancellationToken ct) => admin.CreateCodeAsync(input,
                ProgramId(input.ProgramId),
                GlobalIds.DecodeOptional<Partner>(input.PartnerId, "input.partnerId"),
                GlobalIds.DecodeOptional<Client>(input.ReferrerClientId, "input.referrerClientId"),
                ct));
        mutation.InputMutation<ReferralCodePayloadType, RevokeReferralCodeInputType>("revokeReferralCode",
                "Revokes a referral code: leads submitted with it afterwards are accepted with a warning and without attribution. Revoking again changes nothing.",
                "The code.")
            .Resolve((ReferralAdminService admin, RevokeReferralCodeInput input, CancellationToken ct) =>
                admin.RevokeCodeAsync(input.ReferralCodeId, GlobalIds.Decode<ReferralCode>(input.ReferralCodeId, "input.referralCodeId"), ct));
    }

    public static void AddLeadDistributionMutation(this ObjectGraphType mutation) =>
        mutation.InputMutation<DistributeLeadsPayloadType, DistributeLeadsInputType>("distributeLeadsToPartners",
                "Distributes leads among the dealers by region: each goes to the active dealer covering its region, whose partner token then sees it in `leads`.",
                "The leads.")
            .Resolve((LeadDistribution distribution, DistributeLeadsInput input, CancellationToken ct) =>
                distribution.DistributeAsync(input.LeadIds.Select((id, i) => GlobalIds.Decode<Lead>(id, $"input.leadIds[{i}]")).ToList(), ct));

    private static long PartnerId(string partnerId) => GlobalIds.Decode<Partner>(partnerId, "input.partnerId");

    private static long ProgramId(string programId) => GlobalIds.Decode<ReferralProgram>(programId, "input.programId");

    private static List<long> EligiblePartnerIds(IEnumerable<string> ids) =>
        ids.Select((id, i) => GlobalIds.Decode<Partner>(id, $"input.eligiblePartnerIds[{i}]")).ToList();
}
