using Platform.Api.Common;

namespace Platform.Api.Kpis.Plans;

/// <summary>Input of <c>setSalesPlan</c>.</summary>
public sealed class SetSalesPlanInput
{
    public string? OwnerId { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }
    public MoneyInput Target { get; set; } = new();
}
