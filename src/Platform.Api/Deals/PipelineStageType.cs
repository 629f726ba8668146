using Platform.Api.Common;
using Platform.Domain.Deals;

namespace Platform.Api.Deals;

/// <summary>The <c>PipelineStage</c> object type.</summary>
public sealed class PipelineStageType : EntityType<PipelineStage>
{
    public PipelineStageType() : base("A stage of a pipeline, e.g. PROPOSAL_SENT; a deal is always in exactly one stage.")
    {
        Field(x => x.Code);
        Field(x => x.Name);
        Field(x => x.Position);
        Field(x => x.IsWon);
        Field(x => x.IsLost);
        Field(x => x.RequiresAgreedTerms);
        Field<PipelineType>("pipeline")
            .Description("The pipeline the stage belongs to.")
            .Resolve(context => context.LoadById<Pipeline>(context.Source.PipelineId));
    }
}
