namespace Platform.Api.Kpis;

/// <summary>
/// Order statistics of durations. Medians and percentiles are no portable SQL aggregate, so the KPI queries fetch only
/// the two timestamps of the qualifying leads of the range (a bounded projection) and compute them here.
/// </summary>
internal static class Durations
{
    /// <summary>The median: the middle value, or the mean of the two middle values; null when empty.</summary>
    public static double? Median(List<double> sorted) => sorted.Count == 0 ? null
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
        : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;

    /// <summary>The nearest-rank percentile: the smallest value with at least <paramref name="percent"/> % of values at or below it; null when empty.</summary>
    public static double? Percentile(List<double> sorted, int percent) =>
        sorted.Count == 0 ? null : sorted[Math.Max(0, (int)Math.Ceiling(sorted.Count * percent / 100.0) - 1)];

    public static double? Average(List<double> values) => values.Count == 0 ? null : values.Average();

    /// <summary>part / whole × 100, null when the whole is 0.</summary>
    public static double? Percent(int part, int whole) => whole == 0 ? null : 100.0 * part / whole;
}
