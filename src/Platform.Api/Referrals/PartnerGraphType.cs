using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain.Referrals;
using Platform.GraphQL.Server.Projection;

namespace Platform.Api.Referrals;

/// <summary>The <c>Partner</c> object type (the CLR name avoids the domain's <see cref="PartnerType"/> enum).</summary>
public sealed class PartnerGraphType : EntityType<Partner>
{
    public PartnerGraphType() : base("A partner organisation that refers leads, receives leads of its regions (dealers) and is paid rewards. A partner's token sees only its own partner.")
    {
        Field(x => x.Name);
        Field(x => x.Type);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("regions")
            .Description("Regions the partner covers; dealers receive the leads of these regions.")
            .Reads(x => x.Regions)
            .Resolve(c => c.Source.Regions?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? []);
        Field(x => x.ContactEmail, nullable: true);
        Field(x => x.IsActive);
    }
}
