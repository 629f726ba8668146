using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Platform.Data;

namespace Platform.Api.Kpis;

/// <summary>When a row (a lead) started and reached a step, with its bucket, dimension and a 0/1 flag (e.g. demo download).</summary>
internal sealed class KpiTiming
{
    public int Bucket { get; init; }
    public string? Dimension { get; init; }
    public DateTime Start { get; init; }
    public DateTime End { get; init; }
    public int Flag { get; init; }
}

/// <summary>Order statistics of the durations End − Start of one bucket and dimension value, computed by the database.</summary>
internal sealed class KpiDurationStats
{
    public int Bucket { get; init; }
    public string? Dimension { get; init; }
    public long Count { get; init; }
    public double? AverageSeconds { get; init; }
    public double? MedianSeconds { get; init; }
    public double? P90Seconds { get; init; }

    /// <summary>Rows with the flag set whose duration is at most the threshold given to <see cref="Durations.StatsAsync"/>.</summary>
    public long FlaggedWithin { get; init; }
}

/// <summary>
/// Order statistics of durations, in the database. Medians and percentiles are no portable SQL aggregate (PostgreSQL
/// has percentile_cont, SQLite and SQL Server do not), and EF Core's LINQ has no window functions, so the statistics are
/// one hand-written statement around the SQL EF Core generates for the rows (bucket, dimension, start, end): ranks by
/// <c>ROW_NUMBER() OVER (PARTITION BY bucket, dimension ORDER BY seconds)</c> and group sizes by <c>COUNT(*) OVER</c>,
/// which SQLite (3.25+), PostgreSQL and SQL Server all run, then one GROUP BY picking the middle rank(s) and the nearest
/// rank. The only provider-specific part is the seam <see cref="SecondsBetween"/> (a timestamp difference in seconds,
/// rounded to milliseconds so every provider gives the same figure). Only the grouped rows travel to the API.
/// </summary>
internal static class Durations
{
    /// <summary>
    /// Count, average, median (mean of the two middle values for an even count) and 90th percentile (nearest rank) of the
    /// durations in seconds, and how many flagged rows took at most <paramref name="flaggedWithin"/> (null: the rows set no
    /// flag), per bucket and dimension value of <paramref name="timings"/>; <paramref name="grouped"/>: the rows set a dimension.
    /// </summary>
    public static async Task<Dictionary<(int, string?), KpiDurationStats>> StatsAsync(
        PlatformDbContext db, IQueryable<KpiTiming> timings, bool grouped, TimeSpan? flaggedWithin, CancellationToken ct)
    {
        var (inner, parameters) = KpiSql.Of(timings);

        var provider = db.Database.ProviderName ?? "";
        var seconds = SecondsBetween(provider, "t.\"Start\"", "t.\"End\"");
        // A constant null dimension is not sent to the database by EF Core (it is set by the materializer), so ungrouped
        // rows have no Dimension column.
        var dimension = grouped ? "t.\"Dimension\"" : "NULL";
        var partition = grouped ? "t.\"Bucket\", t.\"Dimension\"" : "t.\"Bucket\"";
        // Likewise an unset Flag (null flaggedWithin) has no column.
        var flagged = flaggedWithin is { } within
            ? $"CASE WHEN s.\"Flag\" = 1 AND s.\"Seconds\" <= {within.TotalSeconds.ToString(CultureInfo.InvariantCulture)} THEN 1 ELSE 0 END"
            : "0";
        var flag = flaggedWithin is null ? "" : "t.\"Flag\", ";
        var sql = $"""
            SELECT s."Bucket", s."Dimension", CAST(COUNT(*) AS BIGINT) AS "Count",
                CAST(AVG(s."Seconds") AS DOUBLE PRECISION) AS "AverageSeconds",
                CAST(AVG(CASE WHEN s."Rank" = (s."N" + 1) / 2 OR s."Rank" = (s."N" + 2) / 2 THEN s."Seconds" END) AS DOUBLE PRECISION) AS "MedianSeconds",
                CAST(MIN(CASE WHEN s."Rank" * 10 >= s."N" * 9 THEN s."Seconds" END) AS DOUBLE PRECISION) AS "P90Seconds",
                CAST(SUM({flagged}) AS BIGINT) AS "FlaggedWithin"
            FROM (
                SELECT t."Bucket", {dimension} AS "Dimension", {flag}{seconds} AS "Seconds",
                    ROW_NUMBER() OVER (PARTITION BY {partition} ORDER BY {seconds}) AS "Rank",
                    COUNT(*) OVER (PARTITION BY {partition}) AS "N"
                FROM (
                {inner}
                ) AS t
            ) AS s
            GROUP BY s."Bucket", s."Dimension"
            """;
        var rows = await db.Database.SqlQueryRaw<KpiDurationStats>(sql, parameters).ToListAsync(ct);
        return rows.ToDictionary(r => (r.Bucket, r.Dimension));
    }

    /// <summary>
    /// The seam: <paramref name="end"/> − <paramref name="start"/> in seconds (a double, rounded to milliseconds) in the
    /// provider's SQL. PostgreSQL: the interval's epoch; SQLite (timestamps stored as ISO text): Julian days × 86,400;
    /// SQL Server: DATEDIFF_BIG in milliseconds.
    /// </summary>
    internal static string SecondsBetween(string provider, string start, string end) => provider switch
    {
        _ when provider.Contains("Npgsql", StringComparison.Ordinal) => $"CAST(ROUND(CAST(EXTRACT(EPOCH FROM ({end} - {start})) AS NUMERIC), 3) AS DOUBLE PRECISION)",
        _ when provider.Contains("Sqlite", StringComparison.Ordinal) => $"ROUND((julianday({end}) - julianday({start})) * 86400.0, 3)",
        _ when provider.Contains("SqlServer", StringComparison.Ordinal) => $"CAST(DATEDIFF_BIG(millisecond, {start}, {end}) AS FLOAT) / 1000.0",
        _ => throw new NotSupportedException($"No duration SQL for the provider {provider}."),
    };

    /// <summary>
    /// <paramref name="end"/> − <paramref name="start"/> in whole milliseconds (a BIGINT) in the provider's SQL: the same
    /// rounding as <see cref="SecondsBetween"/>, which is this divided by 1,000, and as <see cref="ConversionTime.Milliseconds"/>.
    /// </summary>
    internal static string MillisecondsBetween(string provider, string start, string end) => provider switch
    {
        _ when provider.Contains("Npgsql", StringComparison.Ordinal) => $"CAST(ROUND(CAST(EXTRACT(EPOCH FROM ({end} - {start})) AS NUMERIC) * 1000) AS BIGINT)",
        _ when provider.Contains("Sqlite", StringComparison.Ordinal) => $"CAST(ROUND((julianday({end}) - julianday({start})) * 86400000.0) AS INTEGER)",
        _ when provider.Contains("SqlServer", StringComparison.Ordinal) => $"DATEDIFF_BIG(millisecond, {start}, {end})",
        _ => throw new NotSupportedException($"No duration SQL for the provider {provider}."),
    };

    /// <summary>The median of a small sorted list in memory: the middle value, or the mean of the two middle values; null when empty.</summary>
    public static double? Median(List<double> sorted) => sorted.Count == 0 ? null
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
        : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;

    /// <summary>The nearest-rank percentile of a small sorted list in memory; null when empty.</summary>
    public static double? Percentile(List<double> sorted, int percent) =>
        sorted.Count == 0 ? null : sorted[Math.Max(0, (int)Math.Ceiling(sorted.Count * percent / 100.0) - 1)];

    public static double? Average(List<double> values) => values.Count == 0 ? null : values.Average();

    /// <summary>part / whole × 100, null when the whole is 0.</summary>
    public static double? Percent(int part, int whole) => whole == 0 ? null : 100.0 * part / whole;
}
