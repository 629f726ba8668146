namespace Platform.Domain.Kpis;

/// <summary>The span of time a rollup row sums (UTC): a day, a calendar month or a calendar quarter.</summary>
public enum RollupPeriod
{
    Day,
    Month,
    Quarter,
}
