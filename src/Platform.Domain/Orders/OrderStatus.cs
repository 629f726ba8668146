namespace Platform.Domain.Orders;

/// <summary>Payment state of an order.</summary>
public enum OrderStatus
{
    /// <summary>Placed, nothing paid yet.</summary>
    Placed,

    /// <summary>Some installments paid.</summary>
    PartiallyPaid,

    /// <summary>Fully paid; counts for tenure, every-Nth discounts and wins its deal.</summary>
    Paid,

    /// <summary>Money returned to the client; voids referral rewards still in their holding period.</summary>
    Refunded,

    /// <summary>Cancelled before payment.</summary>
    Cancelled,
}
