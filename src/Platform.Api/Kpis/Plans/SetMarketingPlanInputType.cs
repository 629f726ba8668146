using GraphQL.Types;
using Platform.Api.Common;

namespace Platform.Api.Kpis.Plans;

/// <summary>The <c>SetMarketingPlanInput</c> type.</summary>
public sealed class SetMarketingPlanInputType : InputObjectGraphType<SetMarketingPlanInput>
{
    public SetMarketingPlanInputType()
    {
        Name = "SetMarketingPlanInput";
        Description = "A channel's quarterly marketing plan.";
        Field(x => x.Year).Description("The calendar year, 2000–9999.");
        Field(x => x.Quarter).Description("The quarter, 1–4.");
        Field(x => x.Channel).Description("The channel code, e.g. WEBSITE: upper-case letters, digits and underscores.");
        Field(x => x.TargetLeads).Description("Target number of leads, zero or more.");
        Field<NonNullGraphType<MoneyInputType>>("maxCostPerLead").Description("The acceptable cost per lead: zero or more, with its currency (the currency `marketingKpi` compares in).");
    }
}
