namespace Platform.Domain.Kpis;

/// <summary>What a <see cref="LeadDayRollup"/> row groups the day's leads by: no dimension, or one of the KPI dimensions.</summary>
public enum LeadRollupDimension
{
    None,
    Channel,
    LandingPage,
    Temperature,
    Origin,
    Manager,
    Partner,
}
