namespace Platform.Domain.Kpis;

/// <summary>
/// Money spent on a channel (and optionally a landing page) over a period, with the reach and
/// clicks bought; the basis of cost per lead, cost per application and ROI
/// ((revenue − cost) / investment × 100).
/// </summary>
public class MarketingSpend : Entity
{
    /// <summary>Channel code the money was spent on (see Leads.LeadChannels).</summary>
    public string Channel { get; set; } = "";

    /// <summary>Landing page code, if the spend drove one page.</summary>
    public string? LandingPage { get; set; }

    /// <summary>First day of the period (UTC midnight).</summary>
    public DateTime PeriodStart { get; set; }

    /// <summary>End of the period, exclusive (UTC midnight of the day after the last day).</summary>
    public DateTime PeriodEnd { get; set; }

    /// <summary>Amount spent in minor units of <see cref="Currency"/>.</summary>
    public long AmountMinor { get; set; }

    /// <summary>ISO 4217 currency of the spend.</summary>
    public string Currency { get; set; } = Currencies.Eur;

    /// <summary>Reach: how many people were shown the ad, if known (per-channel report).</summary>
    public long? Impressions { get; set; }

    /// <summary>Clicks to the site or landing page, if known (per-channel report).</summary>
    public long? Clicks { get; set; }

    /// <summary>Amount spent.</summary>
    public Money Amount => new(AmountMinor, Currency);
}
