using Platform.Domain.Loyalty;
using Platform.Domain.Orders;

namespace Platform.Domain.Tests.Loyalty;

/// <summary>The part of an order's discount each rule gave (D6), as stored on the order for the discount KPI.</summary>
public sealed class DiscountByRuleTests
{
    // 5000 € in one payment (D1 15 %), 3 years of tenure (D3 10 %), the 10th qualifying order (D4 10 %).
    private static DiscountQuote Quote(StackingPolicy policy) =>
        Decisions.Engine(policy).Quote(Decisions.Eur(5000), PaymentMode.Single, new LoyaltyHistory(Decisions.Today.AddYears(-3).AddDays(-1), 9), Decisions.Today);

    [Fact] // BEST_SINGLE: the largest (D1 15 %) gives all of the discount
    public void BestSingle_TheGrantedRuleGivesEverything()
    {
        var quote = Quote(StackingPolicy.BestSingle);

        Assert.Equal(75000, quote.Discount.AmountMinor);
        Assert.Equal([75000L, 0L, 0L], Parts(quote));
    }

    [Fact] // ADDITIVE 15 + 10 + 10 = 35 % capped at 25 % = 125000: shared 15:10:10 → 53571.4, 35714.3, and the remainder 35715
    public void Additive_CappedDiscountIsSharedByRateAndAddsUpExactly()
    {
        var quote = Quote(StackingPolicy.Additive);

        Assert.True(quote.Capped);
        Assert.Equal(125000, quote.Discount.AmountMinor);
        Assert.Equal([53571L, 35714L, 35715L], Parts(quote));
        Assert.Equal(quote.Discount.AmountMinor, Parts(quote).Sum());
    }

    [Fact] // nothing applies below every threshold
    public void NoDiscount_NoParts()
    {
        var quote = Decisions.Engine().Quote(Decisions.Eur(50), PaymentMode.Single, new LoyaltyHistory(null, 0), Decisions.Today);

        Assert.Equal([0L, 0L, 0L], Parts(quote));
    }

    private static long[] Parts(DiscountQuote quote)
    {
        var parts = quote.AmountByRule();
        return [parts[LoyaltyRule.SingleReceipt], parts[LoyaltyRule.Tenure], parts[LoyaltyRule.NthOrder]];
    }
}
