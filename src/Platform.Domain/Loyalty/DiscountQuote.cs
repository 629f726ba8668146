namespace Platform.Domain.Loyalty;

/// <summary>The loyalty discount of an order: the total and why (D6).</summary>
/// <param name="Gross">Amount before discounts.</param>
/// <param name="Discount">Total discount, rounded half to even to the minor unit.</param>
/// <param name="BasisPoints">Total discount rate in basis points, after stacking and the cap.</param>
/// <param name="Policy">The stacking policy used.</param>
/// <param name="Capped">Whether the additive sum was cut down to the configured maximum.</param>
/// <param name="Rules">Every rule's outcome: D1, D3, D4.</param>
public sealed record DiscountQuote(Money Gross, Money Discount, int BasisPoints, StackingPolicy Policy, bool Capped, IReadOnlyList<RuleOutcome> Rules)
{
    /// <summary>Amount to pay: gross − discount.</summary>
    public Money Net => Gross - Discount;
}
