using Platform.Domain.Loyalty;
using Platform.Domain.Orders;
using static Platform.Domain.Tests.Loyalty.Decisions;

namespace Platform.Domain.Tests.Loyalty;

public class DiscountEngineTests
{
    private static RuleOutcome Rule(DiscountQuote quote, LoyaltyRule rule) => quote.Rules.Single(r => r.Rule == rule);

    [Theory] // D1: highest tier reached, boundaries inclusive
    [InlineData("0.00", 0, "BELOW_THRESHOLD")]
    [InlineData("1499.99", 0, "BELOW_THRESHOLD")]
    [InlineData("1500.00", 500, "TIER_REACHED")]
    [InlineData("2999.99", 500, "TIER_REACHED")]
    [InlineData("3000.00", 1000, "TIER_REACHED")]
    [InlineData("4999.99", 1000, "TIER_REACHED")]
    [InlineData("5000.00", 1500, "TIER_REACHED")]
    [InlineData("100000.00", 1500, "TIER_REACHED")]
    public void SingleReceipt_D1_HighestTierReached(string gross, int basisPoints, string code)
    {
        var quote = Engine().Quote(Eur(decimal.Parse(gross)), PaymentMode.Single, LoyaltyHistory.None, Today);

        var d1 = Rule(quote, LoyaltyRule.SingleReceipt);
        Assert.Equal((basisPoints, code), (d1.BasisPoints, d1.Code));
        Assert.Equal(basisPoints, quote.BasisPoints);
        Assert.Equal("D1", d1.RuleId);
    }

    [Theory] // D2: an installment order is not a single payment
    [InlineData("1500.00")]
    [InlineData("5000.00")]
    public void SingleReceipt_D2_InstallmentOrderGetsNoD1(string gross)
    {
        var quote = Engine().Quote(Eur(decimal.Parse(gross)), PaymentMode.Installment, LoyaltyHistory.None, Today);

        var d1 = Rule(quote, LoyaltyRule.SingleReceipt);
        Assert.False(d1.Eligible);
        Assert.Equal("NOT_SINGLE_PAYMENT", d1.Code);
        Assert.Equal(0, quote.Discount.AmountMinor);
    }

    [Theory] // D3: full years since the first fully paid order; the day before and on each anniversary
    [InlineData("2025-06-02", 0, "TENURE_TOO_SHORT")]
    [InlineData("2025-06-01", 250, "TENURE_REACHED")]
    [InlineData("2024-06-02", 250, "TENURE_REACHED")]
    [InlineData("2024-06-01", 500, "TENURE_REACHED")]
    [InlineData("2023-06-02", 500, "TENURE_REACHED")]
    [InlineData("2023-06-01", 1000, "TENURE_REACHED")]
    [InlineData("2016-06-01", 1000, "TENURE_REACHED")]
    [InlineData("2026-06-01", 0, "TENURE_TOO_SHORT")]
    public void Tenure_D3_FromTheFirstPaidOrder(string firstPaid, int basisPoints, string code)
    {
        var history = new LoyaltyHistory(DateTime.Parse(firstPaid).ToUniversalTime().Date, 0);

        var d3 = Rule(Engine().Quote(Eur(1000m), PaymentMode.Single, history, Today), LoyaltyRule.Tenure);

        Assert.Equal((basisPoints, code), (d3.BasisPoints, d3.Code));
    }

    [Fact]
    public void Tenure_D3_NoPaidOrderNoTenure()
    {
        var d3 = Rule(Engine().Quote(Eur(1000m), PaymentMode.Single, LoyaltyHistory.None, Today), LoyaltyRule.Tenure);
        Assert.Equal(("NO_PAID_ORDER", 0), (d3.Code, d3.BasisPoints));
    }

    [Theory] // D3 with a first paid order on 29 February: in non-leap years the anniversary is 1 March
    [InlineData("2025-02-28", 0)]
    [InlineData("2025-03-01", 1)]
    [InlineData("2026-02-28", 1)]
    [InlineData("2026-03-01", 2)]
    [InlineData("2028-02-28", 3)]
    [InlineData("2028-02-29", 4)] // a leap year: the anniversary is the day itself
    public void Tenure_D3_LeapDayAnniversaryFallsOnFirstOfMarch(string today, int years)
    {
        var first = new DateTime(2024, 2, 29, 15, 0, 0, DateTimeKind.Utc);
        var on = DateTime.SpecifyKind(DateTime.Parse(today), DateTimeKind.Utc);

        Assert.Equal(years, DiscountEngine.TenureYears(first, on));
    }

    [Theory] // D4: the qualifying order that becomes the 5th/15th… gets 5 %, the 10th/20th… 10 %, never both
    [InlineData(3, 0, "NOT_NTH_ORDER")]  // the 4th
    [InlineData(4, 500, "NTH_ORDER")]    // the 5th
    [InlineData(8, 0, "NOT_NTH_ORDER")]  // the 9th
    [InlineData(9, 1000, "NTH_ORDER")]   // the 10th
    [InlineData(10, 0, "NOT_NTH_ORDER")] // the 11th
    [InlineData(14, 500, "NTH_ORDER")]   // the 15th
    [InlineData(19, 1000, "NTH_ORDER")]  // the 20th
    public void NthOrder_D4_FifthAndTenthQualifyingOrders(int paidBefore, int basisPoints, string code)
    {
        var d4 = Rule(Engine().Quote(Eur(100m), PaymentMode.Single, new LoyaltyHistory(null, paidBefore), Today), LoyaltyRule.NthOrder);

        Assert.Equal((basisPoints, code), (d4.BasisPoints, d4.Code));
    }

    [Theory] // D4: orders under 100 € neither count nor qualify
    [InlineData("99.99", false)]
    [InlineData("100.00", true)]
    public void NthOrder_D4_OrdersUnder100DoNotQualify(string gross, bool qualifies)
    {
        var engine = Engine();
        var amount = Eur(decimal.Parse(gross));

        var d4 = Rule(engine.Quote(amount, PaymentMode.Single, new LoyaltyHistory(null, 4), Today), LoyaltyRule.NthOrder);

        Assert.Equal(qualifies, engine.QualifiesForNthOrder(amount));
        Assert.Equal(qualifies ? "NTH_ORDER" : "BELOW_MINIMUM", d4.Code);
    }

    [Theory] // D4 outlook: which ordinal discount the next qualifying order gets
    [InlineData(0, 1, 0, 4, 5, 500)]
    [InlineData(4, 5, 500, 0, 5, 500)]
    [InlineData(5, 6, 0, 4, 10, 1000)]
    [InlineData(9, 10, 1000, 0, 10, 1000)]
    [InlineData(10, 11, 0, 4, 15, 500)]
    public void NthOrder_D4_OutlookOfTheNextQualifyingOrder(int paid, int next, int nextBp, int until, int discounted, int discountedBp)
    {
        Assert.Equal(new NthOrderOutlook(next, nextBp, until, discounted, discountedBp), Engine().Outlook(paid));
    }

    [Theory] // D5: installments only from 750 €
    [InlineData("749.99", false)]
    [InlineData("750.00", true)]
    public void Installments_D5_OnlyFrom750(string gross, bool allowed)
    {
        Assert.Equal(allowed, Engine().AllowsInstallments(Eur(decimal.Parse(gross))));
    }

    [Fact] // D6: BEST_SINGLE grants the largest applicable discount alone and explains the others
    public void Stacking_D6_BestSingleGrantsTheLargestAlone()
    {
        var history = new LoyaltyHistory(new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc), 4); // 2 years: 5 %; 5th order: 5 %

        var quote = Engine().Quote(Eur(3000m), PaymentMode.Single, history, Today); // D1 10 %

        Assert.Equal(1000, quote.BasisPoints);
        Assert.Equal(Eur(300m), quote.Discount);
        Assert.Equal(Eur(2700m), quote.Net);
        Assert.False(quote.Capped);
        Assert.True(Rule(quote, LoyaltyRule.SingleReceipt).Applied);
        Assert.All(quote.Rules.Where(r => r.Rule != LoyaltyRule.SingleReceipt), r => Assert.Equal((true, false, "NOT_LARGEST"), (r.Eligible, r.Applied, r.Code)));
        Assert.Equal(Eur(150m), Rule(quote, LoyaltyRule.Tenure).Amount);
    }

    [Fact] // D6: equal discounts under BEST_SINGLE: the first rule (D1, D3, D4 order) is granted
    public void Stacking_D6_BestSingleTieGoesToTheFirstRule()
    {
        var quote = Engine().Quote(Eur(1500m), PaymentMode.Single, new LoyaltyHistory(null, 4), Today); // D1 5 %, D4 5 %

        Assert.Equal(500, quote.BasisPoints);
        Assert.True(Rule(quote, LoyaltyRule.SingleReceipt).Applied);
        Assert.Equal("NOT_LARGEST", Rule(quote, LoyaltyRule.NthOrder).Code);
    }

    [Theory] // D6: ADDITIVE sums the applicable discounts, capped by MaxTotalPercent
    [InlineData("3000.00", 4, 2500, 2000, false)]  // D1 10 + D3 5 + D4 5
    [InlineData("5000.00", 9, 2500, 2500, true)]   // D1 15 + D3 5 + D4 10 = 30 → 25
    [InlineData("5000.00", 9, 3000, 3000, false)]  // exactly at the cap
    [InlineData("5000.00", 9, 2999, 2999, true)]
    public void Stacking_D6_AdditiveSumsUpToTheCap(string gross, int paidBefore, int cap, int basisPoints, bool capped)
    {
        var history = new LoyaltyHistory(new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc), paidBefore);

        var quote = Engine(StackingPolicy.Additive, cap).Quote(Eur(decimal.Parse(gross)), PaymentMode.Single, history, Today);

        Assert.Equal((basisPoints, capped), (quote.BasisPoints, quote.Capped));
        Assert.All(quote.Rules, r => Assert.True(r.Applied));
    }

    [Theory] // Money: exact minor units, half to even once on the final amount (D3 2.5 % here)
    [InlineData(1500010, 37500)] // 37500.25 cents
    [InlineData(1500020, 37500)] // 37500.5 → even 37500
    [InlineData(1500060, 37502)] // 37501.5 → even 37502
    public void Money_HalfToEvenOnTheFinalAmount(long grossMinor, long expectedMinor)
    {
        var quote = Engine().Quote(new Money(grossMinor, Currencies.Eur), PaymentMode.Installment,
            new LoyaltyHistory(new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc), 0), Today);

        Assert.Equal(expectedMinor, quote.Discount.AmountMinor);
        Assert.Equal(grossMinor - expectedMinor, quote.Net.AmountMinor);
    }

    [Fact]
    public void Options_DecisionDefaultsAreValid_AndEmptyTiersAreNot()
    {
        Assert.Empty(Options().Problems());
        Assert.NotEmpty(new LoyaltyOptions().Problems());
    }
}
