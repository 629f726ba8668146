namespace Platform.Domain.Orders;

/// <summary>Money received for an order, or returned.</summary>
public class Payment : Entity
{
    /// <summary>Order the payment is for.</summary>
    public long OrderId { get; set; }

    /// <summary>Positive amount in minor units of <see cref="Currency"/>; <see cref="Kind"/> tells the direction.</summary>
    public long AmountMinor { get; set; }

    /// <summary>ISO 4217 currency; the order's currency.</summary>
    public string Currency { get; set; } = Currencies.Eur;

    /// <summary>When the money moved.</summary>
    public DateTime PaidAt { get; set; }

    /// <summary>Payment or refund.</summary>
    public PaymentKind Kind { get; set; }

    /// <summary>Bank or payment-provider reference.</summary>
    public string? Reference { get; set; }

    /// <summary>Amount of the movement.</summary>
    public Money Amount => new(AmountMinor, Currency);
}
