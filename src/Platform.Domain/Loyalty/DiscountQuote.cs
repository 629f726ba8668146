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

    /// <summary>
    /// How much of <see cref="Discount"/> each rule gave (D6), so cost per rule can be summed: under BEST_SINGLE the
    /// granted rule gives all of it; under ADDITIVE the applied rules share it in proportion to their rates (a cap
    /// shrinks them alike), rounded half to even with the remainder on the last one, so the parts add up exactly.
    /// </summary>
    public IReadOnlyDictionary<LoyaltyRule, long> AmountByRule()
    {
        var parts = Enum.GetValues<LoyaltyRule>().ToDictionary(r => r, _ => 0L);
        var applied = Rules.Where(r => r.Applied && r.BasisPoints > 0).ToList();
        var rates = applied.Sum(r => (long)r.BasisPoints);
        var left = Discount.AmountMinor;
        for (var i = 0; i < applied.Count; i++)
        {
            var part = i == applied.Count - 1 ? left
                : (long)decimal.Round((decimal)Discount.AmountMinor * applied[i].BasisPoints / rates, 0, MidpointRounding.ToEven);
            parts[applied[i].Rule] += part;
            left -= part;
        }
        return parts;
    }
}
