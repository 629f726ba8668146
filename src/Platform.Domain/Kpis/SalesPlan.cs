namespace Platform.Domain.Kpis;

/// <summary>
/// A quarterly sales target (T8: plan quarterly, not monthly) for one manager or, with no owner,
/// for the whole team; fulfilment = paid revenue / target.
/// </summary>
public class SalesPlan : Entity
{
    /// <summary>Staff user the plan is for; null = the whole team.</summary>
    public long? OwnerId { get; set; }

    /// <summary>Calendar year.</summary>
    public int Year { get; set; }

    /// <summary>Quarter of the year, 1–4.</summary>
    public int Quarter { get; set; }

    /// <summary>Revenue target in minor units of <see cref="Currency"/>.</summary>
    public long TargetAmountMinor { get; set; }

    /// <summary>ISO 4217 currency of the target.</summary>
    public string Currency { get; set; } = Currencies.Eur;

    /// <summary>Revenue target.</summary>
    public Money TargetAmount => new(TargetAmountMinor, Currency);
}
