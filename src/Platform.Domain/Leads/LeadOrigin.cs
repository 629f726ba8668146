namespace Platform.Domain.Leads;

/// <summary>Where the lead came from, independent of its temperature (the "trinity").</summary>
public enum LeadOrigin
{
    /// <summary>Word of mouth or a referral; high conversion and profitability. Referred leads are always seeds.</summary>
    Seed,

    /// <summary>The broad inbound-marketing flow (site, landing pages, ads, social).</summary>
    Net,

    /// <summary>Targeted outbound work of a specific employee (calls, meetings, telemarketing).</summary>
    Spear,
}
