namespace Platform.Domain.Referrals;

/// <summary>A payment of approved rewards to a partner.</summary>
public class Payout : Entity
{
    /// <summary>Partner paid.</summary>
    public long PartnerId { get; set; }

    /// <summary>Total paid in minor units of <see cref="Currency"/>.</summary>
    public long AmountMinor { get; set; }

    /// <summary>ISO 4217 currency of the payout.</summary>
    public string Currency { get; set; } = Currencies.Eur;

    /// <summary>When it was paid.</summary>
    public DateTime PaidAt { get; set; }

    /// <summary>Bank transfer or invoice reference.</summary>
    public string Reference { get; set; } = "";

    /// <summary>Total paid.</summary>
    public Money Amount => new(AmountMinor, Currency);
}
