namespace Platform.Domain.Loyalty;

/// <summary>The discount rules of the loyalty programme.</summary>
public enum LoyaltyRule
{
    /// <summary>D1: single-receipt tiers by the order's gross amount, only for one single payment.</summary>
    SingleReceipt,

    /// <summary>D3: tenure since the client's first fully paid order.</summary>
    Tenure,

    /// <summary>D4: every 5th / 10th qualifying order.</summary>
    NthOrder,
}
