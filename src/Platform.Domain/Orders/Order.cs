using Platform.Domain.Clients;

namespace Platform.Domain.Orders;

/// <summary>
/// An order (receipt) of a client with its loyalty discounts applied: the single-receipt tier
/// (D1, only when paid in one payment, D2), the tenure discount (D3) and the every-5th/10th-order
/// discount (D4), combined by the stacking policy (D6) and explained in
/// <see cref="DiscountBreakdown"/>.
/// </summary>
public class Order : Entity
{
    /// <summary>Client that placed the order.</summary>
    public long ClientId { get; set; }

    /// <summary>The client that placed the order.</summary>
    public Client Client { get; set; } = null!;

    /// <summary>Deal the order closes, if any; the deal is won when the order is paid.</summary>
    public long? DealId { get; set; }

    /// <summary>Ordinal of the order among all its client's orders, 1, 2, 3…; the every-Nth rule counts only paid orders of at least 100 €.</summary>
    public int Number { get; set; }

    /// <summary>Amount before discounts, in minor units of <see cref="Currency"/>.</summary>
    public long GrossAmountMinor { get; set; }

    /// <summary>Total discount, in minor units of <see cref="Currency"/>.</summary>
    public long DiscountAmountMinor { get; set; }

    /// <summary>The part of <see cref="DiscountAmountMinor"/> the single-receipt tier (D1) gave; the discount KPI sums it in SQL.</summary>
    public long SingleReceiptDiscountMinor { get; set; }

    /// <summary>The part of <see cref="DiscountAmountMinor"/> the tenure discount (D3) gave.</summary>
    public long TenureDiscountMinor { get; set; }

    /// <summary>The part of <see cref="DiscountAmountMinor"/> the every-5th/10th-order discount (D4) gave.</summary>
    public long NthOrderDiscountMinor { get; set; }

    /// <summary>Amount to pay after discounts (gross − discount), in minor units of <see cref="Currency"/>.</summary>
    public long NetAmountMinor { get; set; }

    /// <summary>ISO 4217 currency of the order and its payments.</summary>
    public string Currency { get; set; } = Currencies.Eur;

    /// <summary>Single payment or installments.</summary>
    public PaymentMode PaymentMode { get; set; }

    /// <summary>Payment state.</summary>
    public OrderStatus Status { get; set; } = OrderStatus.Placed;

    /// <summary>When the order was placed.</summary>
    public DateTime PlacedAt { get; set; }

    /// <summary>When the order became fully paid; tenure counts from the first one.</summary>
    public DateTime? PaidAt { get; set; }

    /// <summary>When the order was cancelled.</summary>
    public DateTime? CancelledAt { get; set; }

    /// <summary>When the order was refunded.</summary>
    public DateTime? RefundedAt { get; set; }

    /// <summary>
    /// How the discount was computed, as JSON: the stacking policy, the applied percent and
    /// discount, and <c>rules</c>, one item per rule saying whether it applied, why,
    /// its percent and amount.
    /// </summary>
    public string? DiscountBreakdown { get; set; }

    /// <summary>Payments and refunds received for the order; how many there are matters for D2.</summary>
    public ICollection<Payment> Payments { get; set; } = new List<Payment>();

    /// <summary>Amount before discounts.</summary>
    public Money GrossAmount => new(GrossAmountMinor, Currency);

    /// <summary>Total discount.</summary>
    public Money DiscountAmount => new(DiscountAmountMinor, Currency);

    /// <summary>Amount to pay after discounts.</summary>
    public Money NetAmount => new(NetAmountMinor, Currency);
}
