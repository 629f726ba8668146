using GraphQL.Types;
using Platform.Api.Clients;
using Platform.Api.Common;
using Platform.Api.Leads;
using Platform.Domain.Clients;
using Platform.Domain.Leads;
using Platform.Domain.Referrals;
using Platform.GraphQL.Server.Projection;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Referrals;

/// <summary>The <c>Referral</c> object type.</summary>
public sealed class ReferralType : EntityType<Referral>
{
    private static readonly ChildConnection<Referral, Reward> RewardsOldestFirst =
        new(reward => reward.ReferralId, KeysetOrder<Reward>.By("CREATED_AT", x => x.CreatedAt).ThenBy(x => x.Id));

    public ReferralType() : base("The attribution of one lead to a referrer under a program; the first valid attribution wins, so a lead has at most one referral.")
    {
        Field(x => x.Status);
        Field(x => x.AttributedAt);
        Field(x => x.ConvertedAt, nullable: true);
        Field(x => x.RejectionReason, nullable: true);
        Field<NonNullGraphType<ReferralProgramType>>("program").Description("The program whose terms apply.").Reads(x => x.ProgramId).Resolve(c => c.LoadById<ReferralProgram>(c.Source.ProgramId));
        Field<PartnerGraphType>("partner").Description("The referring partner, if the referrer is a partner.").Reads(x => x.PartnerId).Resolve(c => c.LoadById<Partner>(c.Source.PartnerId));
        Field<ClientType>("referrerClient").Description("The referring client (\"refer a friend\"), if the referrer is a client.").Reads(x => x.ReferrerClientId).Resolve(c => c.LoadById<Client>(c.Source.ReferrerClientId));
        Field<LeadType>("lead").Description("The referred lead.").Reads(x => x.LeadId).Resolve(c => c.LoadById<Lead>(c.Source.LeadId));
        Field<NonNullGraphType<ConnectionGraphType<RewardGraphType, Reward>>>("rewards")
            .Description("Rewards granted for this referral, oldest first.")
            .PagingArguments()
            .Reads(x => x.Id)
            .Resolve(RewardsOldestFirst.Load);
    }
}
