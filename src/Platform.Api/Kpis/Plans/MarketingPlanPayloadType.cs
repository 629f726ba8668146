using GraphQL.Types;
using Platform.Domain.Kpis;

namespace Platform.Api.Kpis.Plans;

/// <summary>The <c>MarketingPlanPayload</c> type.</summary>
public sealed class MarketingPlanPayloadType : ObjectGraphType<PlanPayload<MarketingPlan>>
{
    public MarketingPlanPayloadType()
    {
        Name = "MarketingPlanPayload";
        Description = "The result of `setMarketingPlan`: the plan, or the errors that prevented the change (then nothing was changed).";
        Field<MarketingPlanType>("marketingPlan").Description("The plan after the change; null when there are errors.").Resolve(c => c.Source.Result);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlanErrorType>>>>("errors").Description("Why the change was refused; empty on success.").Resolve(c => c.Source.Errors);
    }
}
