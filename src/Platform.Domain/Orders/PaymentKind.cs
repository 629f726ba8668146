namespace Platform.Domain.Orders;

/// <summary>Direction of a money movement on an order.</summary>
public enum PaymentKind
{
    /// <summary>Money received from the client.</summary>
    Payment,

    /// <summary>Money returned to the client.</summary>
    Refund,
}
