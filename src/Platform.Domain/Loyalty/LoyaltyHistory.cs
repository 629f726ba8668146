namespace Platform.Domain.Loyalty;

/// <summary>What the loyalty rules need to know about a client's past orders.</summary>
/// <param name="FirstPaidOrderAt">When the client's first fully paid order was paid; tenure counts from it. Null when none is paid.</param>
/// <param name="QualifyingPaidOrders">How many of the client's orders of at least the D4 minimum are fully paid (D4).</param>
public sealed record LoyaltyHistory(DateTime? FirstPaidOrderAt, int QualifyingPaidOrders)
{
    /// <summary>A client with no paid order yet.</summary>
    public static LoyaltyHistory None { get; } = new(null, 0);
}
