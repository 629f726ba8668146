using Platform.Domain.Clients;
using Platform.Domain.Events;

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
    /// <remarks>An order may be created in any status (history brought in from elsewhere); after that it changes only through the payment methods below.</remarks>
    public OrderStatus Status { get => _status; init => _status = value; }

    private OrderStatus _status = OrderStatus.Placed;

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

    /// <summary>Whether the order takes a payment: placed or partially paid.</summary>
    public bool TakesPayment => Status is OrderStatus.Placed or OrderStatus.PartiallyPaid;

    /// <summary>Whether the order can be refunded: paid or partially paid.</summary>
    public bool IsRefundable => Status is OrderStatus.Paid or OrderStatus.PartiallyPaid;

    /// <summary>What has been paid so far, in minor units of <see cref="Currency"/> (refunds not subtracted); needs <see cref="Payments"/> loaded.</summary>
    public long PaidMinor => Payments.Where(p => p.Kind == PaymentKind.Payment).Sum(p => p.AmountMinor);

    /// <summary>
    /// Records a payment of at most the open balance: the payment that settles the balance makes the order paid, any
    /// other partially paid. Needs <see cref="Payments"/> loaded.
    /// </summary>
    public Payment RecordPayment(long amountMinor, DateTime at, string? reference)
    {
        var balance = NetAmountMinor - PaidMinor;
        if (!TakesPayment)
            throw new InvalidOperationException($"A {Status} order takes no payment.");
        if (amountMinor <= 0 || amountMinor > balance)
            throw new ArgumentOutOfRangeException(nameof(amountMinor), amountMinor, $"A payment is positive and at most the open balance of {balance}.");
        var payment = new Payment { AmountMinor = amountMinor, Currency = Currency, PaidAt = at, Kind = PaymentKind.Payment, Reference = reference };
        Payments.Add(payment);
        if (amountMinor == balance)
        {
            _status = OrderStatus.Paid;
            PaidAt = at;
            Record(EventTypes.OrderPaid, new { amount = NetAmountMinor, currency = Currency });
        }
        else
        {
            _status = OrderStatus.PartiallyPaid;
        }
        return payment;
    }

    /// <summary>Refunds everything paid so far; the order becomes refunded. Needs <see cref="Payments"/> loaded.</summary>
    public Payment Refund(DateTime at, string? reference)
    {
        if (!IsRefundable)
            throw new InvalidOperationException($"A {Status} order cannot be refunded.");
        var refund = new Payment { AmountMinor = PaidMinor, Currency = Currency, PaidAt = at, Kind = PaymentKind.Refund, Reference = reference };
        Payments.Add(refund);
        _status = OrderStatus.Refunded;
        RefundedAt = at;
        Record(EventTypes.OrderRefunded, new { amount = refund.AmountMinor, currency = Currency });
        return refund;
    }

    /// <summary>Cancels an order nobody has paid yet.</summary>
    public void Cancel(DateTime at)
    {
        if (Status != OrderStatus.Placed)
            throw new InvalidOperationException($"A {Status} order cannot be cancelled.");
        _status = OrderStatus.Cancelled;
        CancelledAt = at;
    }
}
