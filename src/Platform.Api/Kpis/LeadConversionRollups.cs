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
    /// <summary>The histogram cells of one day or month and dimension value, as the database joins them into one text.</summary>
    private sealed class CellRows
    {
        public DateTime Day { get; init; }
        public string? Value { get; init; }
        public string Cells { get; init; } = "";

        /// <summary>The summed times to conversion of the cells' leads.</summary>
        public long Milliseconds { get; init; }

        /// <summary>The cells of <see cref="Cells"/>: "days:leads", separated by commas.</summary>
        public static IEnumerable<(int Days, long Leads)> Parse(string cells)
        {
            for (var start = 0; start < cells.Length;)
            {
                var end = cells.IndexOf(',', start);
                end = end < 0 ? cells.Length : end;
                var cell = cells.AsSpan(start, end - start);
                var colon = cell.IndexOf(':');
                yield return (int.Parse(cell[..colon], CultureInfo.InvariantCulture), long.Parse(cell[(colon + 1)..], CultureInfo.InvariantCulture));
                start = end + 1;
            }
        }
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

    /// <summary>The leads of one bucket with the given whole days to conversion: a part of the statement reading the middle cells' leads.</summary>
    private sealed class PartRange
    {
        public int Part { get; init; }
        public int Days { get; init; }
        public DateTime Start { get; init; }
        public DateTime End { get; init; }

        /// <summary>The dimension values whose middle cell the part is, each between delimiters (null as empty).</summary>
        public string Values { get; init; } = "";
    }

    private sealed class PartAndLead
    {
        public int Part { get; init; }
        public string Values { get; init; } = "";
        public Lead Lead { get; init; } = null!;
    }

    private sealed class PartLead
    {
        public int Part { get; init; }
        public string? Dimension { get; init; }
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
        if (middles.Count == 0)
            return [];
        // One part per (bucket, whole days) whose leads hold a middle rank, for any dimension value.
        var parts = middles.Select(m => (m.Bucket, m.Days)).Distinct().ToList();
        var seconds = (await PartLeadsAsync(db, parts, middles, from, to, bucket, groupBy, ct))
            .GroupBy(l => (parts[l.Part].Bucket, l.Dimension, parts[l.Part].Days))
            .ToDictionary(g => g.Key, g => g.Select(l => l.Seconds).Order().ToList());

        return middles.GroupBy(m => (m.Bucket, m.Dimension)).ToDictionary(g => g.Key, g =>
        {
            var first = g.First();
            var middle = new[] { (first.Total + 1) / 2, (first.Total + 2) / 2 }.Distinct().Select(rank =>
            {
                var cell = g.Single(m => m.Before < rank && rank <= m.Before + m.Leads);
                return seconds[(cell.Bucket, cell.Dimension, cell.Days)][(int)(rank - cell.Before - 1)];
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

    /// <summary>
    /// The histogram of the range (month rows for its whole months, day rows around them), summed per bucket, dimension
    /// value and whole days here, and the cells holding each group's middle ranks with the group's totals: one index range
    /// reads the cells, and the running sums cost less here than a sort and window functions in the database.
    /// </summary>
    private static async Task<List<MiddleCell>> MiddleCellsAsync(
        PlatformDbContext db, DateTime from, DateTime to, KpiBucket bucket, KpiDimension? groupBy, CancellationToken ct)
    {
        var dimension = LeadDayRollups.Of(groupBy);
        // One row per day or month, value and 64 whole days, its cells joined into one text ("days:leads,…") and their
        // times summed: a few hundred rows rather than one per cell, which the API would read and materialize one by one.
        // (64 cells stay within the 4,000 characters of SQL Server's STRING_AGG over non-max text.)
        var rowsOfCells = await LeadDayRollups.InRange(db.LeadConversionRollups.AsNoTracking(), dimension, from, to, bucket)
            .GroupBy(r => new { r.Day, r.Value, Chunk = r.Days / 64 })
            .Select(g => new CellRows
            {
                Day = g.Key.Day,
                Value = g.Key.Value,
                Cells = string.Join(",", g.Select(r => r.Days.ToString() + ":" + r.Leads.ToString())),
                Milliseconds = g.Sum(r => r.Milliseconds),
            })
            .ToListAsync(ct);

        var ordinal = KpiBuckets.OrdinalOf(bucket);
        var groups = new Dictionary<(int Bucket, string? Value), (Dictionary<int, long> Histogram, long Milliseconds)>();
        foreach (var row in rowsOfCells)
        {
            var key = (ordinal(row.Day), row.Value);
            var (histogram, milliseconds) = groups.TryGetValue(key, out var group) ? group : ([], 0);
            groups[key] = (histogram, milliseconds + row.Milliseconds);
            foreach (var (days, leads) in CellRows.Parse(row.Cells))
                histogram[days] = histogram.GetValueOrDefault(days) + leads;
        }

        var middles = new List<MiddleCell>();
        foreach (var ((group, value), (histogram, milliseconds)) in groups)
        {
            var total = histogram.Values.Sum();
            var before = 0L;
            foreach (var (days, leads) in histogram.Where(c => c.Value != 0).OrderBy(c => c.Key))
            {
                if (before < (total + 2) / 2 && before + leads >= (total + 1) / 2)
                    middles.Add(new MiddleCell { Bucket = group, Dimension = value, Days = days, Leads = leads, Before = before, Total = total, TotalMilliseconds = milliseconds });
                before += leads;
            }
        }
        return middles;
    }

    private const string Delimiter = "|";

    private static string Delimited(IEnumerable<string?> values) => Delimiter + string.Join(Delimiter, values.Select(v => v ?? "")) + Delimiter;

    /// <summary>
    /// The time to conversion of the leads of each part (a bucket's leads with the given whole days) whose dimension
    /// value has a middle cell there, with that value: one statement whatever the number of parts (they travel as JSON
    /// parameters, <see cref="KpiSql.Rows"/>), one index range of <c>IX_Leads_DaysToConversion_CreatedAt</c> per part.
    /// </summary>
    private static Task<List<PartLead>> PartLeadsAsync(PlatformDbContext db, List<(int Bucket, int Days)> parts, List<MiddleCell> middles,
        DateTime from, DateTime to, KpiBucket bucket, KpiDimension? groupBy, CancellationToken ct)
    {
        var values = middles.ToLookup(m => (m.Bucket, m.Days), m => m.Dimension);
        var ranges = parts.Select((p, index) =>
        {
            var (start, end) = (KpiBuckets.Start(bucket, p.Bucket), KpiBuckets.Start(bucket, p.Bucket + 1));
            return new PartRange
            {
                Part = index,
                Days = p.Days,
                Start = start < from ? from : start,
                End = end > to ? to : end,
                Values = Delimited(values[p]),
            };
        });
        var leads = from part in KpiSql.Rows(db, ranges)
                    from lead in db.Leads.AsNoTracking()
                        .Where(l => l.ConvertedAt != null && EF.Property<int?>(l, ConversionTime.DaysProperty) == part.Days && l.CreatedAt >= part.Start && l.CreatedAt < part.End)
                    select new PartAndLead { Part = part.Part, Values = part.Values, Lead = lead };
        var dimension = ((Expression<Func<PartAndLead, Lead>>)(p => p.Lead)).Then(KpiDimensions.OfLead(groupBy));
        // Only the leads of the values whose middle cell the part is: a part's other leads are never ranked. (A value
        // containing the delimiter may bring a few more leads; they are grouped by their own value and not used.)
        if (groupBy is not null)
            leads = leads.Where(KpiProjection.Of<PartAndLead, bool>((p, _, value) => p.Values.Contains(Delimiter + (value ?? "") + Delimiter), p => 0, dimension));
        var (inner, parameters) = KpiSql.Of(leads.Select(KpiProjection.Of<PartAndLead, CellLead>(
            (p, part, value) => new CellLead { Bucket = part, Dimension = value, Start = p.Lead.CreatedAt, End = p.Lead.ConvertedAt!.Value },
            p => p.Part, dimension)));
        // A constant null dimension is no column of the generated SQL (the materializer sets it).
        var value = groupBy is null ? "NULL" : "t.\"Dimension\"";
        var sql = $"""
            SELECT t."Bucket" AS "Part", {value} AS "Dimension", {Durations.SecondsBetween(db.Database.ProviderName ?? "", "t.\"Start\"", "t.\"End\"")} AS "Seconds"
            FROM (
            {inner}
            ) AS t
            """;
        return db.Database.SqlQueryRaw<PartLead>(sql, parameters).ToListAsync(ct);
    }
}
