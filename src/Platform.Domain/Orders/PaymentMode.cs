namespace Platform.Domain.Orders;

/// <summary>How an order is to be paid; decides whether the single-receipt discount applies (D2).</summary>
public enum PaymentMode
{
    /// <summary>Paid in one payment; eligible for the single-receipt discount (D1, D2).</summary>
    Single,

    /// <summary>Paid in installments; only for orders of at least 750 € (D5), never gets D1 (D2).</summary>
    Installment,
}
