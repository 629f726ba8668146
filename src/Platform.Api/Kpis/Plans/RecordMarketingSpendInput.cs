using Platform.Api.Common;

namespace Platform.Api.Kpis.Plans;

/// <summary>Input of <c>recordMarketingSpend</c>.</summary>
public sealed class RecordMarketingSpendInput
{
    public string Channel { get; set; } = "";
    public string? LandingPage { get; set; }
    public DateTime PeriodStart { get; set; }
    public DateTime PeriodEnd { get; set; }
    public MoneyInput Amount { get; set; } = new();
    public long? Impressions { get; set; }
    public long? Clicks { get; set; }
}
