using GraphQL.Types;
using Platform.Domain.Kpis;

namespace Platform.Api.Kpis.Plans;

/// <summary>The <c>SalesPlanPayload</c> type.</summary>
public sealed class SalesPlanPayloadType : ObjectGraphType<PlanPayload<SalesPlan>>
{
    public SalesPlanPayloadType()
    {
        Name = "SalesPlanPayload";
        Description = "The result of `setSalesPlan`: the plan, or the errors that prevented the change (then nothing was changed).";
        Field<SalesPlanType>("salesPlan").Description("The plan after the change; null when there are errors.").Resolve(c => c.Source.Result);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlanErrorType>>>>("errors").Description("Why the change was refused; empty on success.").Resolve(c => c.Source.Errors);
    }
}
