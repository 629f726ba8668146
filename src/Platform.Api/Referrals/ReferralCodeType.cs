using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain.Referrals;
using Platform.GraphQL.Server.Projection;

namespace Platform.Api.Referrals;

/// <summary>The <c>ReferralCode</c> object type.</summary>
public sealed class ReferralCodeType : EntityType<ReferralCode>
{
    public ReferralCodeType() : base("A code a referrer (a partner or an existing client, \"refer a friend\") hands out; a lead submitted with a usable code is attributed to the referrer. A referrer may have several codes; a revoked or expired code stops attributing.")
    {
        Field(x => x.Code);
        Field(x => x.ExpiresAt, nullable: true);
        Field(x => x.RevokedAt, nullable: true);
        Field<NonNullGraphType<ReferralProgramType>>("program").Description("The program whose terms apply.").Reads(x => x.ProgramId).Resolve(c => c.LoadById<ReferralProgram>(c.Source.ProgramId));
        Field<PartnerGraphType>("partner").Description("The partner the code belongs to, if the referrer is a partner.").Reads(x => x.PartnerId).Resolve(c => c.LoadById<Partner>(c.Source.PartnerId));
        Field<IdGraphType>("referrerClientId").Description("The client the code belongs to (global ID), if the referrer is a client (\"refer a friend\").")
            .Reads(x => x.ReferrerClientId)
            .Resolve(c => IdOf<Platform.Domain.Clients.Client>(c.Source.ReferrerClientId));
    }
}
