using Platform.Api.Common;

namespace Platform.Api.Kpis.Plans;

/// <summary>Input of <c>setMarketingPlan</c>.</summary>
public sealed class SetMarketingPlanInput
{
    public int Year { get; set; }
    public int Quarter { get; set; }
    public string Channel { get; set; } = "";
    public int TargetLeads { get; set; }
    public MoneyInput MaxCostPerLead { get; set; } = new();
}
