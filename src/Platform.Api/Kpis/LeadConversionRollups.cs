using System.Data;
using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Domain.Kpis;
using Platform.Domain.Leads;

namespace Platform.Api.Kpis;

/// <summary>
/// Days to conversion from the histogram of conversion times (<see cref="LeadConversionRollup"/>, kept by
/// <see cref="KpiRollupInterceptor"/>): the count and average are sums of cells; the median's ranks are found in the
/// cells (whole months' cells from the month rows), and only the leads of the one or two cells per bucket that hold
/// them are read and ranked. Whole days only;
/// rebuilt from the leads by <c>kpi-rollups rebuild</c>, compacted like <see cref="LeadDayRollups"/>.
/// </summary>
internal static class LeadConversionRollups
{
    /// <summary>Parts of one statement reading histogram cells' leads: a bound on its size and parameters.</summary>
    private const int CellsPerStatement = 100;

    private sealed class CellFact
    {
        public int Bucket { get; init; }
        public string? Dimension { get; init; }
        public int Days { get; init; }
        public int Leads { get; init; }
        public long Milliseconds { get; init; }
    }

    /// <summary>A histogram cell holding a middle rank of its bucket and dimension value, with the group's totals.</summary>
    private sealed class MiddleCell
    {
        public int Bucket { get; init; }
        public string? Dimension { get; init; }
        public int Days { get; init; }
        public long Leads { get; init; }
        public long Before { get; init; }
        public long Total { get; init; }
        public long TotalMilliseconds { get; init; }
    }

    private sealed class CellLead
    {
        public int Bucket { get; init; }
        public DateTime Day { get; init; }
        public string? Dimension { get; init; }
        public int? Days { get; init; }
        public DateTime Start { get; init; }
        public DateTime End { get; init; }
    }

    private sealed class RankedLead
    {
        public int Bucket { get; init; }
        public string? Dimension { get; init; }
        public int Days { get; init; }
        public long Rank { get; init; }
        public double Seconds { get; init; }
    }

    /// <summary>
    /// Count, average and median (the mean of the two middle values for an even count) of the days to conversion of the
    /// leads created in the whole days [<paramref name="from"/>, <paramref name="to"/>), per bucket and dimension value,
    /// in seconds: the figures <see cref="Durations.StatsAsync"/> gives from the leads.
    /// </summary>
    public static async Task<Dictionary<(int, string?), KpiDurationStats>> StatsAsync(
        PlatformDbContext db, DateTime from, DateTime to, KpiBucket bucket, KpiDimension? groupBy, CancellationToken ct)
    {
        var middles = await MiddleCellsAsync(db, from, to, bucket, groupBy, ct);
        var values = new Dictionary<(int, string?, int, long), double>();
        var parts = middles.GroupBy(m => (m.Bucket, m.Days)).Select(g => (g.Key.Bucket, g.Key.Days,
            Low: g.Min(m => Wanted(m).Min() - m.Before), High: g.Max(m => Wanted(m).Max() - m.Before))).ToList();
        foreach (var chunk in parts.Chunk(CellsPerStatement))
        {
            foreach (var lead in await RankedLeadsAsync(db, chunk, from, to, bucket, groupBy, ct))
                values[(lead.Bucket, lead.Dimension, lead.Days, lead.Rank)] = lead.Seconds;
        }

        return middles.GroupBy(m => (m.Bucket, m.Dimension)).ToDictionary(g => g.Key, g =>
        {
            var first = g.First();
            var middle = new[] { (first.Total + 1) / 2, (first.Total + 2) / 2 }.Distinct().Select(rank =>
            {
                var cell = g.Single(m => m.Before < rank && rank <= m.Before + m.Leads);
                return values[(cell.Bucket, cell.Dimension, cell.Days, rank - cell.Before)];
            }).ToList();
            return new KpiDurationStats
            {
                Bucket = first.Bucket,
                Dimension = first.Dimension,
                Count = first.Total,
                AverageSeconds = first.TotalMilliseconds / 1000.0 / first.Total,
                MedianSeconds = middle.Count == 1 ? middle[0] : (middle[0] + middle[1]) / 2,
            };
        });
    }

    /// <summary>The same figures computed by the database from <paramref name="leads"/> (<see cref="Durations.StatsAsync"/>): what the rollups replace for whole days.</summary>
    public static Task<Dictionary<(int, string?), KpiDurationStats>> DetailStatsAsync(
        PlatformDbContext db, IQueryable<Lead> leads, KpiBucket bucket, KpiDimension? groupBy, CancellationToken ct) =>
        Durations.StatsAsync(db, leads.Where(l => l.ConvertedAt != null).Select(KpiProjection.Of<Lead, KpiTiming>(
                (l, b, dimension) => new KpiTiming { Bucket = b, Dimension = dimension, Start = l.CreatedAt, End = l.ConvertedAt!.Value },
                Created(bucket), KpiDimensions.OfLead(groupBy))),
            groupBy is not null, null, ct);

    /// <summary>
    /// Whether <paramref name="stats"/> are <paramref name="expected"/>: the same groups, counts and medians, and averages
    /// equal but for the last bits (the database sums the detail's seconds as floating point, in the order it reads them).
    /// </summary>
    public static bool Same(Dictionary<(int, string?), KpiDurationStats> stats, Dictionary<(int, string?), KpiDurationStats> expected) =>
        stats.Count == expected.Count && expected.All(e => stats.TryGetValue(e.Key, out var s)
            && s.Count == e.Value.Count && s.MedianSeconds == e.Value.MedianSeconds
            && Math.Abs(s.AverageSeconds!.Value - e.Value.AverageSeconds!.Value) <= 1e-12 * Math.Abs(e.Value.AverageSeconds.Value));

    private static Expression<Func<Lead, int>> Created(KpiBucket bucket) =>
        ((Expression<Func<Lead, DateTime>>)(l => l.CreatedAt)).Then(KpiBuckets.Ordinal(bucket));

    /// <summary>
    /// Sets every lead's whole days to conversion from its timestamps (leads written around EF Core have none) and
    /// replaces every histogram row by the converted leads grouped per creation day, dimension value and whole days (one
    /// INSERT … SELECT per dimension) and those rows summed per month, in one serializable transaction: changes committed meanwhile keep the rows they
    /// appended and are counted once. Returns the rows written.
    /// </summary>
    public static async Task<int> RebuildAsync(PlatformDbContext db, Action<string> progress, CancellationToken ct = default)
    {
        var provider = db.Database.ProviderName ?? "";
        var milliseconds = Durations.MillisecondsBetween(provider, "\"CreatedAt\"", "\"ConvertedAt\"");
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
        var stamp = $"""
            UPDATE "Leads" SET "{ConversionTime.DaysProperty}" = CASE WHEN "ConvertedAt" IS NULL THEN NULL
                ELSE {milliseconds} / {ConversionTime.MillisecondsPerDay} END
            WHERE "ConvertedAt" IS NOT NULL OR "{ConversionTime.DaysProperty}" IS NOT NULL
            """;
        // Every converted lead is rewritten with its indexes: on a large table far longer than a query's timeout.
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        int stamped;
        try
        {
            stamped = await db.Database.ExecuteSqlRawAsync(stamp, ct);
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }
        progress($"Days to conversion of {stamped:N0} leads.");
        var removed = await db.LeadConversionRollups.ExecuteDeleteAsync(ct);
        progress($"Removed {removed:N0} conversion rollup rows.");
        var written = 0;
        foreach (var dimension in Enum.GetValues<LeadRollupDimension>())
        {
            var leads = db.Leads.AsNoTracking().IgnoreQueryFilters().Where(l => l.ConvertedAt != null)
                .Select(KpiProjection.Of<Lead, CellLead>(
                    (l, b, value) => new CellLead { Day = l.CreatedAt.Date, Dimension = value, Days = EF.Property<int?>(l, ConversionTime.DaysProperty), Start = l.CreatedAt, End = l.ConvertedAt!.Value },
                    l => 0, KpiDimensions.OfLead(LeadDayRollups.GroupByOf(dimension))));
            var (select, parameters) = KpiSql.Of(leads);
            // SQL Server groups by columns only: the ungrouped value is a constant null outside the GROUP BY.
            var (value, groupValue) = dimension == LeadRollupDimension.None ? ("NULL", "") : ("t.\"Dimension\"", "t.\"Dimension\", ");
            var insert = $"""
                INSERT INTO "LeadConversionRollups" ("Period", "Day", "Dimension", "Value", "Days", "Leads", "Milliseconds")
                SELECT '{RollupPeriod.Day}', t."Day", '{dimension}', {value}, t."Days", COUNT(*), SUM({Durations.MillisecondsBetween(provider, "t.\"Start\"", "t.\"End\"")})
                FROM (
                {select}
                ) AS t
                GROUP BY t."Day", {groupValue}t."Days"
                """;
            var rows = await db.Database.ExecuteSqlRawAsync(insert, parameters, ct);
            var months = await db.LeadConversionRollups.AsNoTracking()
                .Where(r => r.Period == RollupPeriod.Day && r.Dimension == dimension)
                .GroupBy(r => new { Month = r.Day.Year * 12 + r.Day.Month - 1, r.Value, r.Days })
                .Select(g => new { g.Key.Month, g.Key.Value, g.Key.Days, Leads = g.Sum(r => r.Leads), Milliseconds = g.Sum(r => r.Milliseconds) })
                .ToListAsync(ct);
            db.LeadConversionRollups.AddRange(months.Select(m => new LeadConversionRollup
            {
                Period = RollupPeriod.Month,
                Day = KpiBuckets.Start(KpiBucket.Month, m.Month),
                Dimension = dimension,
                Value = m.Value,
                Days = m.Days,
                Leads = m.Leads,
                Milliseconds = m.Milliseconds,
            }));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            written += rows + months.Count;
            progress($"{dimension}: {rows:N0} conversion rows of days, {months.Count:N0} of months.");
        }

        await transaction.CommitAsync(ct);
        return written;
    }

    /// <summary>
    /// Folds the rows of every day that has a (period, dimension, value, days) with several rows into one row per period,
    /// dimension, value and days (<see cref="KpiSql.CompactAsync"/>: exact with any number of concurrent writers and compactions). Returns the rows removed.
    /// </summary>
    public static Task<int> CompactAsync(PlatformDbContext db, CancellationToken ct = default) =>
        KpiSql.CompactAsync<LeadConversionRollup>(db, "LeadConversionRollups", """
            "Day" IN (SELECT "Day" FROM "LeadConversionRollups" GROUP BY "Period", "Day", "Dimension", "Value", "Days" HAVING COUNT(*) > 1)
            """,
            removed => removed
                .GroupBy(r => (r.Period, r.Day, r.Dimension, r.Value, r.Days))
                .Select(g => new LeadConversionRollup
                {
                    Period = g.Key.Period,
                    Day = g.Key.Day,
                    Dimension = g.Key.Dimension,
                    Value = g.Key.Value,
                    Days = g.Key.Days,
                    Leads = g.Sum(r => r.Leads),
                    Milliseconds = g.Sum(r => r.Milliseconds),
                })
                .Where(r => r.Leads != 0 || r.Milliseconds != 0),
            ct);

    /// <summary>The middle ranks of a group that fall in <paramref name="cell"/>: of (n + 1) / 2 and (n + 2) / 2, as <see cref="Durations.StatsAsync"/> picks them.</summary>
    private static long[] Wanted(MiddleCell cell) =>
        [.. new[] { (cell.Total + 1) / 2, (cell.Total + 2) / 2 }.Where(rank => cell.Before < rank && rank <= cell.Before + cell.Leads)];

    /// <summary>
    /// The histogram of the range summed per bucket, dimension value and whole days, then, in the same statement, the
    /// cells holding a group's middle ranks with the group's totals (running sums by window functions, which SQLite,
    /// PostgreSQL and SQL Server all run).
    /// </summary>
    private static Task<List<MiddleCell>> MiddleCellsAsync(
        PlatformDbContext db, DateTime from, DateTime to, KpiBucket bucket, KpiDimension? groupBy, CancellationToken ct)
    {
        var dimension = LeadDayRollups.Of(groupBy);
        Expression<Func<LeadConversionRollup, DateTime>> day = r => r.Day;
        // Month rows for the whole months of the range (they fall in one month or quarter bucket), day rows around them.
        var (months, monthsEnd) = WholeMonths(from, to, bucket);
        var rows = db.LeadConversionRollups.AsNoTracking().Where(r => r.Dimension == dimension);
        var cells = rows.Where(r => r.Period == RollupPeriod.Day && r.Day >= from && r.Day < months)
            .Concat(rows.Where(r => r.Period == RollupPeriod.Month && r.Day >= months && r.Day < monthsEnd))
            .Concat(rows.Where(r => r.Period == RollupPeriod.Day && r.Day >= monthsEnd && r.Day < to))
            .Select(KpiProjection.Of<LeadConversionRollup, CellFact>(
                (r, b, value) => new CellFact { Bucket = b, Dimension = value, Days = r.Days, Leads = r.Leads, Milliseconds = r.Milliseconds },
                day.Then(KpiBuckets.Ordinal(bucket)), r => r.Value))
            .GroupBy(f => new { f.Bucket, f.Dimension, f.Days })
            .Where(g => g.Sum(f => f.Leads) != 0)
            .Select(g => new CellFact { Bucket = g.Key.Bucket, Dimension = g.Key.Dimension, Days = g.Key.Days, Leads = g.Sum(f => f.Leads), Milliseconds = g.Sum(f => f.Milliseconds) });
        var (inner, parameters) = KpiSql.Of(cells);
        var sql = $"""
            SELECT c."Bucket", c."Dimension", c."Days", CAST(c."Leads" AS BIGINT) AS "Leads", CAST(c."Before" AS BIGINT) AS "Before",
                CAST(c."Total" AS BIGINT) AS "Total", CAST(c."TotalMilliseconds" AS BIGINT) AS "TotalMilliseconds"
            FROM (
                SELECT h."Bucket", h."Dimension", h."Days", h."Leads",
                    SUM(h."Leads") OVER (PARTITION BY h."Bucket", h."Dimension" ORDER BY h."Days") - h."Leads" AS "Before",
                    SUM(h."Leads") OVER (PARTITION BY h."Bucket", h."Dimension") AS "Total",
                    SUM(h."Milliseconds") OVER (PARTITION BY h."Bucket", h."Dimension") AS "TotalMilliseconds"
                FROM (
                {inner}
                ) AS h
            ) AS c
            WHERE c."Before" < (c."Total" + 2) / 2 AND c."Before" + c."Leads" >= (c."Total" + 1) / 2
            """;
        return db.Database.SqlQueryRaw<MiddleCell>(sql, parameters).ToListAsync(ct);
    }

    /// <summary>The whole months of [<paramref name="from"/>, <paramref name="to"/>) for month and quarter buckets; none (an empty range at <paramref name="to"/>) otherwise.</summary>
    private static (DateTime From, DateTime To) WholeMonths(DateTime from, DateTime to, KpiBucket bucket)
    {
        var month = KpiBuckets.OrdinalOf(KpiBucket.Month);
        var (first, end) = (month(from), month(to));
        if (KpiBuckets.Start(KpiBucket.Month, first) < from)
            first++;
        return bucket is KpiBucket.Month or KpiBucket.Quarter && first < end
            ? (KpiBuckets.Start(KpiBucket.Month, first), KpiBuckets.Start(KpiBucket.Month, end))
            : (to, to);
    }

    /// <summary>
    /// The leads of the given cells (whole days to conversion, bucket), ranked by their time to conversion within their
    /// cell and dimension value, keeping only the ranks [Low, High] of each cell: one index range per cell, in one
    /// UNION ALL.
    /// </summary>
    private static Task<List<RankedLead>> RankedLeadsAsync(PlatformDbContext db, IEnumerable<(int Bucket, int Days, long Low, long High)> cells,
        DateTime from, DateTime to, KpiBucket bucket, KpiDimension? groupBy, CancellationToken ct)
    {
        var shape = KpiProjection.Of<Lead, CellLead>(
            (l, b, value) => new CellLead { Bucket = b, Dimension = value, Days = EF.Property<int?>(l, ConversionTime.DaysProperty), Start = l.CreatedAt, End = l.ConvertedAt!.Value },
            Created(bucket), KpiDimensions.OfLead(groupBy));
        IQueryable<CellLead>? leads = null;
        foreach (var cell in cells)
        {
            var (days, start) = ((int?)cell.Days, KpiBuckets.Start(bucket, cell.Bucket));
            var end = KpiBuckets.Start(bucket, cell.Bucket + 1);
            (start, end) = (start < from ? from : start, end > to ? to : end);
            var part = db.Leads.AsNoTracking()
                .Where(l => l.ConvertedAt != null && EF.Property<int?>(l, ConversionTime.DaysProperty) == days && l.CreatedAt >= start && l.CreatedAt < end)
                .Select(shape);
            leads = leads is null ? part : leads.Concat(part);
        }

        var (inner, parameters) = KpiSql.Of(leads!);
        var provider = db.Database.ProviderName ?? "";
        var seconds = Durations.SecondsBetween(provider, "t.\"Start\"", "t.\"End\"");
        var dimension = groupBy is null ? "NULL" : "t.\"Dimension\"";
        var partition = groupBy is null ? "t.\"Bucket\", t.\"Days\"" : "t.\"Bucket\", t.\"Dimension\", t.\"Days\"";
        var wanted = string.Join(" OR ", cells.Select(c => string.Create(CultureInfo.InvariantCulture,
            $"(s.\"Bucket\" = {c.Bucket} AND s.\"Days\" = {c.Days} AND s.\"Rank\" BETWEEN {c.Low} AND {c.High})")));
        var sql = $"""
            SELECT s."Bucket", s."Dimension", s."Days", CAST(s."Rank" AS BIGINT) AS "Rank", s."Seconds"
            FROM (
                SELECT t."Bucket", {dimension} AS "Dimension", t."Days", {seconds} AS "Seconds",
                    ROW_NUMBER() OVER (PARTITION BY {partition} ORDER BY {seconds}) AS "Rank"
                FROM (
                {inner}
                ) AS t
            ) AS s
            WHERE {wanted}
            """;
        return db.Database.SqlQueryRaw<RankedLead>(sql, parameters).ToListAsync(ct);
    }
}
