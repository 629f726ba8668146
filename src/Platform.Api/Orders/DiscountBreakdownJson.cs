using System.Text.Json;
using Platform.Domain.Loyalty;

namespace Platform.Api.Orders;

/// <summary>The stored form of a quote (the order's <c>DiscountBreakdown</c> column), shaped like the demo data's.</summary>
public static class DiscountBreakdownJson
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string Serialize(DiscountQuote quote) => JsonSerializer.Serialize(new
    {
        policy = quote.Policy == StackingPolicy.BestSingle ? "BEST_SINGLE" : "ADDITIVE",
        appliedPercent = quote.BasisPoints / 100m,
        discountMinor = quote.Discount.AmountMinor,
        capped = quote.Capped,
        rules = quote.Rules.Select(r => new { rule = r.RuleId, percent = r.BasisPoints / 100m, r.Eligible, r.Applied, r.Code, r.Reason, amountMinor = r.Amount.AmountMinor }),
    }, Json);
}
