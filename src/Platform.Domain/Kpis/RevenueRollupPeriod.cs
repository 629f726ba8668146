namespace Platform.Domain.Kpis;

/// <summary>The kind of bucket a <see cref="RevenueRollup"/> row sums: a calendar month or quarter (UTC).</summary>
public enum RevenueRollupPeriod
{
    Month,
    Quarter,
}
