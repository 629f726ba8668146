namespace Platform.Domain.Kpis;

/// <summary>
/// The marketer's quarterly plan for one channel (O3): how many leads, at what acceptable cost per
/// lead. Compared with actual leads and spend in KPIs.
/// </summary>
public class MarketingPlan : Entity
{
    /// <summary>Calendar year.</summary>
    public int Year { get; set; }

    /// <summary>Quarter of the year, 1–4.</summary>
    public int Quarter { get; set; }

    /// <summary>Channel code the plan is for (see Leads.LeadChannels).</summary>
    public string Channel { get; set; } = "";

    /// <summary>Target number of leads.</summary>
    public int TargetLeads { get; set; }

    /// <summary>Acceptable cost per lead in minor units of <see cref="Currency"/>.</summary>
    public long MaxCostPerLeadMinor { get; set; }

    /// <summary>ISO 4217 currency of the cost.</summary>
    public string Currency { get; set; } = Currencies.Eur;

    /// <summary>Acceptable cost per lead.</summary>
    public Money MaxCostPerLead => new(MaxCostPerLeadMinor, Currency);
}
