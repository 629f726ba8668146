namespace Platform.Domain.Loyalty;

/// <summary>How one loyalty rule judged an order (D6: the API always explains every rule).</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Eligible">Whether the order meets the rule's conditions.</param>
/// <param name="Applied">Whether the rule's discount counts in the total under the stacking policy.</param>
/// <param name="Code">Machine-readable reason, e.g. <c>TIER_REACHED</c>, <c>BELOW_THRESHOLD</c>, <c>NOT_LARGEST</c>.</param>
/// <param name="Reason">Human-readable reason.</param>
/// <param name="BasisPoints">The rule's own discount in basis points (0 when not eligible).</param>
/// <param name="Amount">What the rule alone would take off, rounded half to even.</param>
public sealed record RuleOutcome(LoyaltyRule Rule, bool Eligible, bool Applied, string Code, string Reason, int BasisPoints, Money Amount)
{
    /// <summary>The id of the rule: D1 (single-receipt tiers), D3 (tenure) or D4 (every 5th / 10th order).</summary>
    public string RuleId => Rule switch
    {
        LoyaltyRule.SingleReceipt => "D1",
        LoyaltyRule.Tenure => "D3",
        _ => "D4",
    };
}
