using GraphQL.Types;

namespace Platform.Api.Clients;

/// <summary>The <c>ClientFilter</c> input type.</summary>
public sealed class ClientFilterInputType : InputObjectGraphType<ClientFilter>
{
    public ClientFilterInputType()
    {
        Name = "ClientFilter";
        Description = "Conditions on clients. All given conditions must hold; a list matches any of its values.";
        Field(x => x.Kind, nullable: true).Description("Clients of any of these kinds.");
        Field(x => x.LoyaltyCategory, nullable: true).Description("Clients in any of these loyalty categories.");
        Field(x => x.Segment, nullable: true).Description("Clients in any of these key-client segments.");
        Field(x => x.Region, nullable: true).Description("Clients in this region (exact match).");
        Field(x => x.Industry, nullable: true).Description("Clients in this industry (exact match).");
        Field<IdGraphType>("ownerId").Description("Clients owned by this staff user (global ID).");
        Field(x => x.NameStartsWith, nullable: true).Description("Clients whose name starts with this text (case-sensitive prefix).");
    }
}
