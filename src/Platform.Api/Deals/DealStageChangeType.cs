using Platform.Api.Common;
using Platform.Domain.Deals;

namespace Platform.Api.Deals;

/// <summary>The <c>DealStageChange</c> object type.</summary>
public sealed class DealStageChangeType : EntityType<DealStageChange>
{
    public DealStageChangeType() : base("One move of a deal between pipeline stages; the history feeds the funnel KPIs.")
    {
        Field(x => x.ChangedAt);
        Field(x => x.ChangedBy, nullable: true);
        Field<PipelineStageType>("fromStage")
            .Description("The stage the deal left; null for the first stage of a new deal.")
            .Resolve(context => context.LoadById<PipelineStage>(context.Source.FromStageId));
        Field<PipelineStageType>("toStage")
            .Description("The stage the deal entered.")
            .Resolve(context => context.LoadById<PipelineStage>(context.Source.ToStageId));
    }
}
