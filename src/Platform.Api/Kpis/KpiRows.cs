namespace Platform.Api.Kpis;

/// <summary>Lead volume and lead → client conversion of the leads created in one bucket.</summary>
public sealed record LeadFunnelRow(
    DateTime BucketStart, string? Dimension, int Leads, int Converted,
    double? ConversionRate, double? AverageDaysToConversion, double? MedianDaysToConversion);

/// <summary>First-response time (T2) and the demo-download SLA of the leads created in one bucket.</summary>
public sealed record FirstResponseRow(
    DateTime BucketStart, string? Dimension, int Leads, int Responded, double? MedianMinutes, double? P90Minutes,
    int DemoDownloads, int DemoDownloadsWithinSla, double? SlaCompliance);

/// <summary>Revenue, average check and repeat purchases of the orders paid in one bucket, per currency.</summary>
public sealed record RevenueRow(
    DateTime BucketStart, string? Dimension, string Currency, int Orders, long RevenueMinor, long AverageCheckMinor,
    int Clients, int RepeatClients, double? RepeatPurchaseRate);

/// <summary>Deals closed (won or lost) in one bucket, per currency: win rate and average deal size.</summary>
public sealed record DealRow(
    DateTime BucketStart, string? Dimension, string Currency, int Won, int Lost, double? WinRate, long WonAmountMinor, long? AverageDealSizeMinor);

/// <summary>A channel's marketing figures in one quarter against its plan (O3).</summary>
public sealed record MarketingRow(
    string Channel, string Currency, int? TargetLeads, int Leads, double? LeadPlanFulfilment, long SpendMinor,
    long? CostPerLeadMinor, long? MaxCostPerLeadMinor, long RevenueMinor, double? Roi, bool? PaysBack);
