using System.Data;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Domain.Kpis;
using Platform.Domain.Leads;

namespace Platform.Api.Kpis;

/// <summary>
/// The lead counts per creation day or month and dimension value (<see cref="LeadDayRollup"/>, kept by
/// <see cref="KpiRollupInterceptor"/>): read by the lead KPIs for whole days (month rows for whole months), rebuilt from the
/// leads by <c>kpi-rollups rebuild</c>.
/// </summary>
internal static class LeadDayRollups
{
    private sealed class DayFact
    {
        public int Bucket { get; init; }
        public string? Dimension { get; init; }
        public int Leads { get; init; }
        public int Converted { get; init; }
        public int Responded { get; init; }
        public int Demo { get; init; }
    }

    /// <summary>Lead, converted, responded and demo-download counts of the days [<paramref name="from"/>, <paramref name="to"/>) by bucket and dimension value; groups whose rows cancel out are left out, as no lead would group there.</summary>
    public static Task<List<LeadCount>> CountsAsync(PlatformDbContext db, DateTime from, DateTime to, KpiBucket bucket, KpiDimension? groupBy, CancellationToken ct)
    {
        var dimension = Of(groupBy);
        Expression<Func<LeadDayRollup, DateTime>> day = r => r.Day;
        return InRange(db.LeadDayRollups.AsNoTracking(), dimension, from, to, bucket)
            .Select(KpiProjection.Of<LeadDayRollup, DayFact>(
                (r, b, value) => new DayFact { Bucket = b, Dimension = value, Leads = r.Leads, Converted = r.Converted, Responded = r.Responded, Demo = r.DemoDownloads },
                day.Then(KpiBuckets.Ordinal(bucket)), r => r.Value))
            .GroupBy(f => new { f.Bucket, f.Dimension })
            .Where(g => g.Sum(f => f.Leads) != 0)
            .Select(g => new LeadCount(g.Key.Bucket, g.Key.Dimension, g.Sum(f => f.Leads), g.Sum(f => f.Converted), g.Sum(f => f.Responded), g.Sum(f => f.Demo)))
            .ToListAsync(ct);
    }

    /// <summary>
    /// The rows of one dimension for the whole days [<paramref name="from"/>, <paramref name="to"/>): the month rows of its
    /// whole months when the buckets are months or quarters (a month falls in one such bucket), the day rows around them.
    /// </summary>
    internal static IQueryable<TRow> InRange<TRow>(IQueryable<TRow> rows, LeadRollupDimension dimension, DateTime from, DateTime to, KpiBucket bucket)
        where TRow : class, IPeriodRollup
    {
        var (months, monthsEnd) = KpiBuckets.WholeMonths(from, to, bucket);
        rows = rows.Where(r => r.Dimension == dimension);
        return rows.Where(r => r.Period == RollupPeriod.Day && r.Day >= from && r.Day < months)
            .Concat(rows.Where(r => r.Period == RollupPeriod.Month && r.Day >= months && r.Day < monthsEnd))
            .Concat(rows.Where(r => r.Period == RollupPeriod.Day && r.Day >= monthsEnd && r.Day < to));
    }

    /// <summary>
    /// Replaces every row by the counts of the leads, one row per day, dimension and value and one per month, dimension and
    /// value, in one serializable transaction: changes committed meanwhile keep the rows they appended and are counted
    /// once. Returns the rows written.
    /// </summary>
    public static async Task<int> RebuildAsync(PlatformDbContext db, Action<string> progress, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
        var removed = await db.LeadDayRollups.ExecuteDeleteAsync(ct);
        progress($"Removed {removed:N0} rollup rows.");
        var written = 0;
        foreach (var dimension in Enum.GetValues<LeadRollupDimension>())
        {
            var rows = 0;
            foreach (var (period, bucket) in new[] { (RollupPeriod.Day, KpiBucket.Day), (RollupPeriod.Month, KpiBucket.Month) })
            {
                var counts = await DetailCountsAsync(db.Leads.AsNoTracking().IgnoreQueryFilters(), bucket, GroupByOf(dimension), ct);
                db.LeadDayRollups.AddRange(counts.Select(c => new LeadDayRollup
                {
                    Period = period,
                    Day = KpiBuckets.Start(bucket, c.Bucket),
                    Dimension = dimension,
                    Value = c.Dimension,
                    Leads = c.Leads,
                    Converted = c.Converted,
                    Responded = c.Responded,
                    DemoDownloads = c.Demo,
                }));
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                rows += counts.Count;
            }
            written += rows;
            progress($"{dimension}: {rows:N0} rows.");
        }

        await transaction.CommitAsync(ct);
        return written;
    }

    /// <summary>
    /// Folds the rows of every day that has a (period, dimension, value) with several rows into one row per period, dimension and value
    /// (<see cref="KpiSql.CompactAsync"/>: exact with any number of concurrent writers and compactions). Returns the rows removed.
    /// </summary>
    public static Task<int> CompactAsync(PlatformDbContext db, CancellationToken ct = default) =>
        KpiSql.CompactAsync<LeadDayRollup>(db, "LeadDayRollups", """
            "Day" IN (SELECT "Day" FROM "LeadDayRollups" GROUP BY "Period", "Day", "Dimension", "Value" HAVING COUNT(*) > 1)
            """,
            removed => removed
                .GroupBy(r => (r.Period, r.Day, r.Dimension, r.Value))
                .Select(g => new LeadDayRollup
                {
                    Period = g.Key.Period,
                    Day = g.Key.Day,
                    Dimension = g.Key.Dimension,
                    Value = g.Key.Value,
                    Leads = g.Sum(r => r.Leads),
                    Converted = g.Sum(r => r.Converted),
                    Responded = g.Sum(r => r.Responded),
                    DemoDownloads = g.Sum(r => r.DemoDownloads),
                })
                .Where(r => r.Leads != 0 || r.Converted != 0 || r.Responded != 0 || r.DemoDownloads != 0),
            ct);

    private sealed class LeadFact
    {
        public int Bucket { get; init; }
        public string? Dimension { get; init; }
        public bool Converted { get; init; }
        public bool Responded { get; init; }
        public bool Demo { get; init; }
    }

    /// <summary>The counts of <paramref name="leads"/> grouped in the database by the bucket of their creation and a dimension.</summary>
    public static Task<List<LeadCount>> DetailCountsAsync(IQueryable<Lead> leads, KpiBucket bucket, KpiDimension? groupBy, CancellationToken ct) =>
        leads.Select(KpiProjection.Of<Lead, LeadFact>(
                (l, b, value) => new LeadFact
                {
                    Bucket = b,
                    Dimension = value,
                    Converted = l.ConvertedAt != null,
                    Responded = l.FirstRespondedAt != null,
                    Demo = l.RequestType == RequestType.DemoDownload,
                },
                ((Expression<Func<Lead, DateTime>>)(l => l.CreatedAt)).Then(KpiBuckets.Ordinal(bucket)), KpiDimensions.OfLead(groupBy)))
            .GroupBy(f => new { f.Bucket, f.Dimension })
            .Select(g => new LeadCount(g.Key.Bucket, g.Key.Dimension, g.Count(), g.Count(f => f.Converted), g.Count(f => f.Responded), g.Count(f => f.Demo)))
            .ToListAsync(ct);

    internal static LeadRollupDimension Of(KpiDimension? dimension) => dimension switch
    {
        null => LeadRollupDimension.None,
        KpiDimension.Channel => LeadRollupDimension.Channel,
        KpiDimension.LandingPage => LeadRollupDimension.LandingPage,
        KpiDimension.Temperature => LeadRollupDimension.Temperature,
        KpiDimension.Origin => LeadRollupDimension.Origin,
        KpiDimension.Manager => LeadRollupDimension.Manager,
        KpiDimension.Partner => LeadRollupDimension.Partner,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };

    internal static KpiDimension? GroupByOf(LeadRollupDimension dimension) =>
        dimension == LeadRollupDimension.None ? null : Enum.GetValues<KpiDimension>().Single(d => Of(d) == dimension);
}
