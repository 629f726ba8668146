using GraphQL.Types;

namespace Platform.Api.Deals;

/// <summary>The <c>DealFilter</c> input type.</summary>
public sealed class DealFilterInputType : InputObjectGraphType<DealFilter>
{
    public DealFilterInputType()
    {
        Name = "DealFilter";
        Description = "Conditions on deals. All given conditions must hold; a list matches any of its values.";
        Field<IdGraphType>("clientId").Description("Deals with this client (global ID).");
        Field<IdGraphType>("ownerId").Description("Deals owned by this staff user (global ID).");
        Field<IdGraphType>("pipelineId").Description("Deals in this pipeline (global ID).");
        Field(x => x.StageCode, nullable: true).Description("Deals currently in a stage with any of these codes, e.g. PROPOSAL_SENT.");
        Field(x => x.State, nullable: true).Description("Open, won or lost deals.");
        Field(x => x.Kind, nullable: true).Description("Deals of any of these kinds.");
        Field(x => x.CreatedAfter, nullable: true).Description("Deals created at or after this time (UTC).");
        Field(x => x.CreatedBefore, nullable: true).Description("Deals created before this time (UTC).");
    }
}
