using Platform.Domain.Loyalty;

namespace Platform.Domain.Clients;

/// <summary>
/// A client's computed purchase figures (SPEC §3.4, DECISIONS [Clients]): order count, average
/// check, tenure (D3), the every-Nth outlook (D4), turnover share and strategic flag ([004]),
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
            // Strictly more than the threshold ([004] "более 10 %").
            totalTrailingRevenueMinor > 0 && trailing * 10000m / totalTrailingRevenueMinor > options.StrategicShareBasisPoints,
            median is { } md ? decimal.Round(md, 2, MidpointRounding.ToEven) : null,
            since,
            paid.Count >= options.SleepingMinimumPaidOrders && median is { } m && (decimal)(now - paid.Max(o => o.PlacedAt)).TotalDays > options.SleepingIntervalFactor * m);
    }

    /// <summary>What the loyalty rules need from the client's paid orders: the first payment (D3) and the qualifying count (D4).</summary>
    public static LoyaltyHistory HistoryOf(IReadOnlyCollection<PaidOrderFact> paid, DiscountEngine engine, string currency) =>
        new(paid.Count == 0 ? null : paid.Min(o => o.PaidAt), paid.Count(o => engine.QualifiesForNthOrder(new Money(o.GrossMinor, currency))));

    private static decimal? Median(List<DateTime> placed)
    {
        if (placed.Count < 2)
            return null;
        var gaps = placed.Zip(placed.Skip(1), (a, b) => (decimal)(b - a).TotalDays).Order().ToList();
        var middle = gaps.Count / 2;
        return gaps.Count % 2 == 1 ? gaps[middle] : (gaps[middle - 1] + gaps[middle]) / 2;
    }
}
