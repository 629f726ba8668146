namespace Platform.Domain.Orders;

/// <summary>How an order is to be paid; decides whether the single-receipt discount applies.</summary>
public enum PaymentMode
{
    /// <summary>Paid in one payment; eligible for the single-receipt discount.</summary>
    Single,

    /// <summary>Paid in installments; only for orders of at least 750 €, never gets the single-receipt discount (D1).</summary>
    Installment,
}
