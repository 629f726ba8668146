using Platform.Domain.Loyalty;

namespace Platform.Domain.Clients;

/// <summary>
/// A client's computed purchase figures: order count, average
/// check, tenure (D3), the every-Nth outlook (D4), turnover share and strategic flag,
/// median purchase interval and the sleeping flag. Only fully paid orders count.
/// </summary>
public sealed record PurchaseStats(
    int PaidOrderCount,
    LoyaltyHistory History,
    int TenureYears,
    int TenureBasisPoints,
    NthOrderOutlook NextOrder,
    Money? AverageCheck,
    Money TrailingRevenue,
    decimal TurnoverSharePercent,
    bool IsStrategic,
    decimal? MedianIntervalDays,
    int? DaysSinceLastOrder,
    bool IsSleeping)
{
    /// <summary>Computes the figures from the client's paid orders and the whole trailing-12-month turnover.</summary>
    public static PurchaseStats Compute(
        IReadOnlyCollection<PaidOrderFact> paid, long totalTrailingRevenueMinor, DateTime now,
        DiscountEngine engine, ClientInsightsOptions options, string currency)
    {
        var history = HistoryOf(paid, engine, currency);
        var first = history.FirstPaidOrderAt;
        var trailing = paid.Where(o => o.PaidAt > now.AddYears(-1) && o.PaidAt <= now).Sum(o => o.NetMinor);
        var share = totalTrailingRevenueMinor == 0 ? 0m : decimal.Round(trailing * 100m / totalTrailingRevenueMinor, 2, MidpointRounding.ToEven);
        var median = Median(paid.Select(o => o.PlacedAt).Order().ToList());
        int? since = paid.Count == 0 ? null : (int)(now - paid.Max(o => o.PlacedAt)).TotalDays;
        return new PurchaseStats(
            paid.Count,
            history,
            first is { } f ? DiscountEngine.TenureYears(f, now) : 0,
            engine.TenureBasisPoints(first, now),
            engine.Outlook(history.QualifyingPaidOrders),
            paid.Count == 0 ? null : new Money((long)decimal.Round(paid.Sum(o => (decimal)o.NetMinor) / paid.Count, 0, MidpointRounding.ToEven), currency),
            new Money(trailing, currency),
            share,
            options.IsStrategic(trailing, totalTrailingRevenueMinor),
            median is { } md ? decimal.Round(md, 2, MidpointRounding.ToEven) : null,
            since,
            IsSleepingAt(paid.Count, median, paid.Count == 0 ? null : paid.Max(o => o.PlacedAt), now, options));
    }

    /// <summary>What the loyalty rules need from the client's paid orders: the first payment (D3) and the qualifying count (D4).</summary>
    public static LoyaltyHistory HistoryOf(IReadOnlyCollection<PaidOrderFact> paid, DiscountEngine engine, string currency) =>
        new(paid.Count == 0 ? null : paid.Min(o => o.PaidAt), paid.Count(o => engine.QualifiesForNthOrder(new Money(o.GrossMinor, currency))));

    /// <summary>
    /// The sleeping rule: at least <see cref="ClientInsightsOptions.SleepingMinimumPaidOrders"/>
    /// paid orders and the time since the last one strictly longer than <see cref="ClientInsightsOptions.SleepingIntervalFactor"/>
    /// × the median interval between them. The source of truth for <c>Client.isSleeping</c>; the sleeping-clients KPI
    /// runs the same rule in SQL (<c>Platform.Api.Kpis.ClientKpis.SleepingSql</c>, with these options), written to mirror
    /// this method: change both together (BusinessKpiTests compare them at the strict 17.5-day boundary).
    /// </summary>
    public static bool IsSleepingAt(int paidOrders, decimal? medianIntervalDays, DateTime? lastPlacedAt, DateTime now, ClientInsightsOptions options) =>
        paidOrders >= options.SleepingMinimumPaidOrders && medianIntervalDays is { } m && lastPlacedAt is { } last
        && (decimal)(now - last).TotalDays > options.SleepingIntervalFactor * m;

    /// <summary>The median of the gaps, in days, between consecutive placement times (sorted ascending); null for fewer than two.</summary>
    public static decimal? MedianIntervalOf(List<DateTime> placed) => Median(placed);

    private static decimal? Median(List<DateTime> placed)
    {
        if (placed.Count < 2)
            return null;
        var gaps = placed.Zip(placed.Skip(1), (a, b) => (decimal)(b - a).TotalDays).Order().ToList();
        var middle = gaps.Count / 2;
        return gaps.Count % 2 == 1 ? gaps[middle] : (gaps[middle - 1] + gaps[middle]) / 2;
    }
}
