namespace Platform.Domain.Referrals;

/// <summary>
/// Lifecycle of a referral reward: Pending at conversion, Earned at
/// the first paid order, Approved after the holding period, Paid when paid out; Void if refunded
/// within the holding period.
/// </summary>
public enum RewardStatus
{
    /// <summary>The referred lead converted; nothing paid yet.</summary>
    Pending,

    /// <summary>The referred client paid an order; held for the holding period.</summary>
    Earned,

    /// <summary>The holding period passed without a refund; ready to pay out.</summary>
    Approved,

    /// <summary>Paid out.</summary>
    Paid,

    /// <summary>Cancelled, e.g. the order was refunded within the holding period.</summary>
    Void,
}
