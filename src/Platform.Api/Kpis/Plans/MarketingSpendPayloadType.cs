using GraphQL.Types;
using Platform.Domain.Kpis;

namespace Platform.Api.Kpis.Plans;

/// <summary>The <c>MarketingSpendPayload</c> type.</summary>
public sealed class MarketingSpendPayloadType : ObjectGraphType<PlanPayload<MarketingSpend>>
{
    public MarketingSpendPayloadType()
    {
        Name = "MarketingSpendPayload";
        Description = "The result of `recordMarketingSpend`: the recorded spend, or the errors that prevented it (then nothing was recorded).";
        Field<MarketingSpendType>("marketingSpend").Description("The recorded spend; null when there are errors.").Resolve(c => c.Source.Result);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlanErrorType>>>>("errors").Description("Why the change was refused; empty on success.").Resolve(c => c.Source.Errors);
    }
}
