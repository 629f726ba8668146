namespace Platform.Domain.Leads;

/// <summary>
/// How ready the lead is to buy. Landing-page leads start warm;
/// conversion is reported per temperature.
/// </summary>
public enum LeadTemperature
{
    /// <summary>Knows about us but does not want to buy yet; needs the most touches.</summary>
    Cold,

    /// <summary>Expressed purchase interest but needs help deciding; give it to the best managers.</summary>
    Warm,

    /// <summary>Asks almost only "where do I pay?"; needs the fewest touches. Rare.</summary>
    Hot,
}
