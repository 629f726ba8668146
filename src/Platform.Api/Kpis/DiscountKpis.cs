using System.Linq.Expressions;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Domain.Leads;
using Platform.Domain.Orders;

namespace Platform.Api.Kpis;

/// <summary>
/// The cost of the loyalty discounts by rule (D1 single receipt, D3 tenure, D4 every 5th/10th order; D6 stacking): the
/// part of each paid order's discount every rule gave, stored on the order when it is priced
/// (<see cref="Platform.Domain.Loyalty.DiscountQuote.AmountByRule"/>), summed by the database per bucket of payment and
/// currency in one grouped statement. Lead dimensions are the client's origin lead's; MANAGER is the client's owner.
/// </summary>
public sealed class DiscountKpis(PlatformDbContext db)
{
    private sealed class Fact
    {
        public int Bucket { get; init; }
        public string? Dimension { get; init; }
        public string Currency { get; init; } = "";
        public long Gross { get; init; }
        public long D1 { get; init; }
        public long D3 { get; init; }
        public long D4 { get; init; }
    }

    private sealed record Sums(int Bucket, string? Dimension, string Currency, int Orders, long Gross, int D1Orders, long D1, int D3Orders, long D3, int D4Orders, long D4);

    /// <summary>
    /// One row per bucket, dimension, currency and rule: the paid orders (status PAID, bucket of <c>PaidAt</c>) the rule
    /// gave a discount on, its amount, and its share of the gross of all paid orders of the bucket. Rows for every rule,
    /// also at zero, so a rule that cost nothing shows.
    /// </summary>
    public async Task<IReadOnlyList<DiscountRow>> ByRuleAsync(KpiRange range, CancellationToken ct)
    {
        var paid = db.Orders.AsNoTracking().Where(o => o.Status == OrderStatus.Paid && o.PaidAt >= range.From && o.PaidAt < range.To);
        Expression<Func<OrderSource, DateTime>> paidAt = s => s.Order.PaidAt!.Value;
        var sums = await OrderSource.Of(paid, db, range.GroupBy)
            .Select(KpiProjection.Of<OrderSource, Fact>(
                (s, bucket, dimension) => new Fact
                {
                    Bucket = bucket,
                    Dimension = dimension,
                    Currency = s.Order.Currency,
                    Gross = s.Order.GrossAmountMinor,
                    D1 = s.Order.SingleReceiptDiscountMinor,
                    D3 = s.Order.TenureDiscountMinor,
                    D4 = s.Order.NthOrderDiscountMinor,
                },
                paidAt.Then(KpiBuckets.Ordinal(range.Bucket)), OrderSource.Dimension(range.GroupBy)))
            .GroupBy(f => new { f.Bucket, f.Dimension, f.Currency })
            .Select(g => new Sums(g.Key.Bucket, g.Key.Dimension, g.Key.Currency, g.Count(), g.Sum(f => f.Gross),
                g.Count(f => f.D1 > 0), g.Sum(f => f.D1), g.Count(f => f.D3 > 0), g.Sum(f => f.D3), g.Count(f => f.D4 > 0), g.Sum(f => f.D4)))
            .ToListAsync(ct);
        return sums
            .OrderBy(s => s.Bucket).ThenBy(s => s.Dimension, StringComparer.Ordinal).ThenBy(s => s.Currency, StringComparer.Ordinal)
            .SelectMany(s => new[] { ("D1", s.D1Orders, s.D1), ("D3", s.D3Orders, s.D3), ("D4", s.D4Orders, s.D4) }.Select(rule =>
                new DiscountRow(KpiBuckets.Start(range.Bucket, s.Bucket), KpiDimensions.Display(range.GroupBy, s.Dimension), s.Currency, rule.Item1,
                    rule.Item2, rule.Item3, s.Orders, s.Gross, s.Gross == 0 ? null : 100.0 * rule.Item3 / s.Gross)))
            .ToList();
    }
}

/// <summary>What one loyalty rule cost in one bucket and currency (D1–D6).</summary>
public sealed record DiscountRow(
    DateTime BucketStart, string? Dimension, string Currency, string Rule, int DiscountedOrders, long DiscountMinor, int Orders, long GrossMinor, double? ShareOfGross);

/// <summary>The <c>DiscountKpiRow</c> type.</summary>
public sealed class DiscountRowType : ObjectGraphType<DiscountRow>
{
    public DiscountRowType()
    {
        Name = "DiscountKpiRow";
        Description = "What one loyalty discount rule cost on the orders paid in one bucket (and dimension value), per currency (rules D1, D3, D4).";
        Field(x => x.BucketStart).Description("First moment of the bucket (UTC).");
        Field(x => x.Dimension, nullable: true).Description("The dimension value the row is for (of the client's origin lead; MANAGER: the client's owner); null without grouping or without a value.");
        Field(x => x.Currency).Description("ISO 4217 currency of the amounts.");
        Field(x => x.Rule).Description("The rule: D1 (single-receipt tier), D3 (tenure) or D4 (every 5th/10th order).");
        Field(x => x.DiscountedOrders).Description("Paid orders of the bucket the rule gave a discount on.");
        Field(x => x.DiscountMinor).Description("The part of their discounts the rule gave (under ADDITIVE stacking, shared in proportion to the rates), in minor units.");
        Field(x => x.Orders).Description("All orders paid in the bucket.");
        Field(x => x.GrossMinor).Description("Their gross amounts (before discounts), in minor units.");
        Field(x => x.ShareOfGross, nullable: true).Description("Discount / gross × 100; null when the gross is 0.");
    }
}
