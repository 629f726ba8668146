using Platform.Domain.Clients;
using static Platform.Domain.Tests.Loyalty.Decisions;

namespace Platform.Domain.Tests.Loyalty;

public class PurchaseStatsTests
{
    private static PaidOrderFact Paid(int daysAgo, long netMinor = 10000) =>
        new(Today.AddDays(-daysAgo), Today.AddDays(-daysAgo), netMinor, netMinor);

    private static PurchaseStats Compute(long totalTrailingMinor, params PaidOrderFact[] paid) =>
        PurchaseStats.Compute(paid, totalTrailingMinor, Today, Engine(), new ClientInsightsOptions(), Currencies.Eur);

    [Theory] // [Clients] sleeping: ≥ 2 paid orders and time since the last > 2.5 × the median interval
    [InlineData(25, false)] // exactly 2.5 × 10 days
    [InlineData(26, true)]
    public void Sleeping_AfterTwoAndAHalfMedianIntervals(int daysSinceLast, bool sleeping)
    {
        var stats = Compute(0, Paid(daysSinceLast + 20), Paid(daysSinceLast + 10), Paid(daysSinceLast));

        Assert.Equal(10m, stats.MedianIntervalDays);
        Assert.Equal(daysSinceLast, stats.DaysSinceLastOrder);
        Assert.Equal(sleeping, stats.IsSleeping);
    }

    [Fact]
    public void Sleeping_NeedsTwoPaidOrders()
    {
        var stats = Compute(0, Paid(1000));
        Assert.Null(stats.MedianIntervalDays);
        Assert.False(stats.IsSleeping);
    }

    [Fact]
    public void MedianInterval_EvenNumberOfGapsTakesTheMean()
    {
        // Gaps 10, 20, 40 days → median 20; gaps 10, 30 → 20.
        Assert.Equal(20m, Compute(0, Paid(70), Paid(60), Paid(40), Paid(0)).MedianIntervalDays);
        Assert.Equal(20m, Compute(0, Paid(40), Paid(30), Paid(0)).MedianIntervalDays);
    }

    [Theory] // [Clients] strategic: strictly more than 10 % of the trailing-12-month turnover
    [InlineData(100000, false)] // exactly 10 %
    [InlineData(100001, true)]
    public void Strategic_AboveTenPercentOfTrailingTurnover(long clientRevenue, bool strategic)
    {
        var stats = Compute(1000000, Paid(30, clientRevenue), Paid(400, 5000000)); // the older order is outside the 12 months

        Assert.Equal(clientRevenue, stats.TrailingRevenue.AmountMinor);
        Assert.Equal(strategic, stats.IsStrategic);
    }

    [Fact]
    public void Figures_CountPaidOrdersAverageCheckTenureAndOutlook()
    {
        var stats = Compute(0, Paid(800, 20000), Paid(500, 9999), Paid(100, 10001));

        Assert.Equal(3, stats.PaidOrderCount);
        Assert.Equal(2, stats.History.QualifyingPaidOrders); // 99.99 € does not count (D4)
        Assert.Equal(new Money(13333, Currencies.Eur), stats.AverageCheck); // 40000 / 3 = 13333.33…
        Assert.Equal((2, 500), (stats.TenureYears, stats.TenureBasisPoints)); // 800 days: two years (D3)
        Assert.Equal(3, stats.NextOrder.NextOrdinal);
    }
}
