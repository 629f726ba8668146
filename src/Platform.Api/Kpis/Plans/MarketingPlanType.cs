using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain.Kpis;

namespace Platform.Api.Kpis.Plans;

/// <summary>The <c>MarketingPlan</c> type.</summary>
public sealed class MarketingPlanType : ObjectGraphType<MarketingPlan>
{
    public MarketingPlanType()
    {
        Name = "MarketingPlan";
        Description = "A channel's quarterly marketing plan: target leads and acceptable cost per lead.";
        Field(x => x.Year).Description("The calendar year.");
        Field(x => x.Quarter).Description("The quarter, 1–4.");
        Field(x => x.Channel).Description("The channel code.");
        Field(x => x.TargetLeads).Description("Target number of leads.");
        Field<NonNullGraphType<MoneyType>>("maxCostPerLead").Description("The acceptable cost per lead.").Resolve(c => c.Source.MaxCostPerLead);
        Field(x => x.Version).Description("The record's version, 1 when created and incremented by every change.");
    }
}
