using System.Globalization;
using Platform.Domain.Orders;

namespace Platform.Domain.Loyalty;

/// <summary>
/// The loyalty discount rules (D1–D6), pure and exact: rates in basis points,
/// money in minor units, one half-to-even rounding per amount shown.
/// </summary>
public sealed class DiscountEngine(LoyaltyOptions options)
{
    private const int Whole = 10_000;

    /// <summary>Prices an order of <paramref name="gross"/> for a client with <paramref name="history"/> on <paramref name="today"/> (UTC).</summary>
    /// <exception cref="ArgumentException">The amount is negative or not in the loyalty currency.</exception>
    public DiscountQuote Quote(Money gross, PaymentMode mode, LoyaltyHistory history, DateTime today)
    {
        if (gross.AmountMinor < 0)
            throw new ArgumentException("The gross amount may not be negative.", nameof(gross));
        if (gross.Currency != options.Currency)
            throw new ArgumentException($"Loyalty discounts are defined in {options.Currency}, not {gross.Currency}.", nameof(gross));

        var rules = new[] { SingleReceipt(gross, mode), Tenure(gross, history, today), NthOrder(gross, history) };
        var eligible = rules.Where(r => r.Eligible).ToList();
        int total;
        var capped = false;
        if (options.StackingPolicy == StackingPolicy.BestSingle)
        {
            // Ties go to the first rule in D1, D3, D4 order.
            var best = eligible.OrderByDescending(r => r.BasisPoints).FirstOrDefault();
            total = best?.BasisPoints ?? 0;
            rules = rules.Select(r => r.Eligible && r != best
                ? r with { Applied = false, Code = "NOT_LARGEST", Reason = $"{r.Reason}; not granted: BEST_SINGLE grants only the largest discount, {Percent(total)} ({best!.RuleId})." }
                : r).ToArray();
        }
        else
        {
            var sum = eligible.Sum(r => r.BasisPoints);
            capped = sum > options.MaxTotalBasisPoints;
            total = Math.Min(sum, options.MaxTotalBasisPoints);
        }
        return new DiscountQuote(gross, Share(gross, total), total, options.StackingPolicy, capped, rules);
    }

    /// <summary>Whether an order of <paramref name="gross"/> may be paid in installments.</summary>
    public bool AllowsInstallments(Money gross) => gross.AmountMinor >= options.InstallmentMinimumMinor;

    /// <summary>The smallest order that may be paid in installments.</summary>
    public Money InstallmentMinimum => new(options.InstallmentMinimumMinor, options.Currency);

    /// <summary>Whether an order of <paramref name="gross"/> counts and qualifies for the every-Nth rule.</summary>
    public bool QualifiesForNthOrder(Money gross) => gross.AmountMinor >= options.OrdinalMinimumMinor;

    /// <summary>Full years of tenure on <paramref name="today"/> for a first paid order on <paramref name="firstPaidAt"/> (D3).</summary>
    /// <remarks>
    /// Tenure is whole calendar years. A first paid order on 29 February has its anniversary on
    /// 1 March in non-leap years: a year is complete only once the date has passed 28 February, so
    /// nobody gets a tenure tier a day before 365 days elapsed.
    /// </remarks>
    public static int TenureYears(DateTime firstPaidAt, DateTime today)
    {
        var years = today.Year - firstPaidAt.Year;
        if (years > 0 && Anniversary(firstPaidAt.Date, years) > today.Date)
            years--;
        return Math.Max(years, 0);
    }

    /// <summary>The date on which <paramref name="years"/> years of tenure are complete (D3; 29 February → 1 March).</summary>
    public static DateTime Anniversary(DateTime firstPaidAt, int years)
    {
        var year = firstPaidAt.Year + years;
        return firstPaidAt is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(year)
            ? new DateTime(year, 3, 1, 0, 0, 0, DateTimeKind.Utc)
            : new DateTime(year, firstPaidAt.Month, firstPaidAt.Day, 0, 0, 0, DateTimeKind.Utc);
    }

    /// <summary>The tenure discount on <paramref name="today"/> in basis points (D3); 0 without a paid order.</summary>
    public int TenureBasisPoints(DateTime? firstPaidAt, DateTime today) =>
        firstPaidAt is { } first ? TenureTier(TenureYears(first, today))?.BasisPoints ?? 0 : 0;

    /// <summary>What the every-Nth rule gives the client's next qualifying orders.</summary>
    public NthOrderOutlook Outlook(int qualifyingPaidOrders)
    {
        var next = qualifyingPaidOrders + 1;
        var discounted = next;
        while (OrdinalTier(discounted) is null)
            discounted++;
        return new NthOrderOutlook(next, OrdinalTier(next)?.BasisPoints ?? 0, discounted - next, discounted, OrdinalTier(discounted)!.BasisPoints);
    }

    private RuleOutcome SingleReceipt(Money gross, PaymentMode mode)
    {
        if (mode != PaymentMode.Single)
            return Outcome(LoyaltyRule.SingleReceipt, gross, 0, "NOT_SINGLE_PAYMENT", "An installment order is not paid in one single payment, so it gets no single-receipt discount (D2).");
        var tier = options.ReceiptTiers.Where(t => gross.AmountMinor >= t.MinimumMinor).MaxBy(t => t.MinimumMinor);
        if (tier is null)
        {
            var lowest = new Money(options.ReceiptTiers.Min(t => t.MinimumMinor), options.Currency);
            return Outcome(LoyaltyRule.SingleReceipt, gross, 0, "BELOW_THRESHOLD", $"{gross} is below the lowest single-receipt tier of {lowest} (D1).");
        }
        return Outcome(LoyaltyRule.SingleReceipt, gross, tier.BasisPoints, "TIER_REACHED",
            $"A single receipt of {gross} reaches the {new Money(tier.MinimumMinor, options.Currency)} tier: {Percent(tier.BasisPoints)} (D1, D2).");
    }

    private RuleOutcome Tenure(Money gross, LoyaltyHistory history, DateTime today)
    {
        if (history.FirstPaidOrderAt is not { } first)
            return Outcome(LoyaltyRule.Tenure, gross, 0, "NO_PAID_ORDER", "The client has no fully paid order yet; tenure counts from the first one (D3).");
        var years = TenureYears(first, today);
        if (TenureTier(years) is not { } tier)
        {
            var lowest = options.TenureTiers.Min(t => t.Years);
            return Outcome(LoyaltyRule.Tenure, gross, 0, "TENURE_TOO_SHORT",
                $"Client since {first:yyyy-MM-dd}: {years} full year(s), the first tenure tier needs {lowest} (from {Anniversary(first, lowest):yyyy-MM-dd}, D3).");
        }
        return Outcome(LoyaltyRule.Tenure, gross, tier.BasisPoints, "TENURE_REACHED",
            $"Client since {first:yyyy-MM-dd}: {years} full year(s) reach the {tier.Years}-year tier: {Percent(tier.BasisPoints)} (D3).");
    }

    private RuleOutcome NthOrder(Money gross, LoyaltyHistory history)
    {
        var minimum = new Money(options.OrdinalMinimumMinor, options.Currency);
        if (!QualifiesForNthOrder(gross))
            return Outcome(LoyaltyRule.NthOrder, gross, 0, "BELOW_MINIMUM", $"Orders under {minimum} neither count nor qualify for the every-Nth-order discount (D4).");
        var ordinal = history.QualifyingPaidOrders + 1;
        if (OrdinalTier(ordinal) is not { } tier)
            return Outcome(LoyaltyRule.NthOrder, gross, 0, "NOT_NTH_ORDER", $"This is qualifying order no. {ordinal}; only every {Nths()} order gets a discount (D4).");
        return Outcome(LoyaltyRule.NthOrder, gross, tier.BasisPoints, "NTH_ORDER",
            $"This is qualifying order no. {ordinal}, a multiple of {tier.Every}: {Percent(tier.BasisPoints)} (D4).");
    }

    private TenureTier? TenureTier(int years) => options.TenureTiers.Where(t => years >= t.Years).MaxBy(t => t.Years);

    // The 10th order is also a 5th: the larger discount wins, never both (D4).
    private OrdinalTier? OrdinalTier(int ordinal) =>
        options.OrdinalTiers.Where(t => ordinal % t.Every == 0).MaxBy(t => t.BasisPoints);

    private string Nths() => string.Join(" / ", options.OrdinalTiers.OrderBy(t => t.Every).Select(t => $"{t.Every}th"));

    private static RuleOutcome Outcome(LoyaltyRule rule, Money gross, int basisPoints, string code, string reason) =>
        new(rule, basisPoints > 0, basisPoints > 0, code, reason, basisPoints, Share(gross, basisPoints));

    /// <summary><paramref name="basisPoints"/> of <paramref name="gross"/>, rounded half to even to the minor unit.</summary>
    private static Money Share(Money gross, int basisPoints) =>
        new((long)decimal.Round(gross.AmountMinor * (decimal)basisPoints / Whole, 0, MidpointRounding.ToEven), gross.Currency);

    private static string Percent(int basisPoints) =>
        (basisPoints / 100m).ToString("0.##", CultureInfo.InvariantCulture) + " %";
}
