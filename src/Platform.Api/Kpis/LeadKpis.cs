using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Domain.Leads;

namespace Platform.Api.Kpis;

/// <summary>
/// The lead KPIs, by creation cohort: a lead counts in the bucket it was created in, whenever it converted or was
/// answered. Counts are read from the day rollups (<see cref="LeadDayRollups"/>) for whole days and grouped in the database
/// from the leads for partial days; the days to conversion of a range of whole days come from the conversion histogram
/// (<see cref="LeadConversionRollups"/>), the other durations' average, median and p90 (and all of a partial-day range's
/// or a restricted caller's) are computed by the database from the leads (<see cref="Durations"/>); every result is one
/// row per bucket and dimension value whatever the number of leads. Results
/// are served from <see cref="KpiCache"/> when it holds them for the current data version.
/// </summary>
public sealed class LeadKpis(PlatformDbContext db, KpiCache? cache = null, ICurrentActor? actor = null)
{
    /// <summary>T1: a demo download must be answered within 2 hours.</summary>
    public static readonly TimeSpan DemoSla = TimeSpan.FromHours(2);

    /// <summary>Lead volume, conversion rate (converted / leads × 100) and days to conversion (ConvertedAt − CreatedAt), average and median.</summary>
    public Task<IReadOnlyList<LeadFunnelRow>> FunnelAsync(KpiRange range, CancellationToken ct) =>
        cache is null ? ComputeFunnelAsync(range, ct) : cache.GetOrComputeAsync(actor, "leadFunnel", range, () => ComputeFunnelAsync(range, ct), ct);

    private async Task<IReadOnlyList<LeadFunnelRow>> ComputeFunnelAsync(KpiRange range, CancellationToken ct)
    {
        var counts = await CountsAsync(range, ct);
        var timings = !db.Actor.IsRestricted() && range.From == range.From.Date && range.To == range.To.Date
            ? await LeadConversionRollups.StatsAsync(db, range.From, range.To, range.Bucket, range.GroupBy, ct)
            : await LeadConversionRollups.DetailStatsAsync(db, InRange(range), range.Bucket, range.GroupBy, ct);
        return counts.Select(c =>
        {
            var stats = timings.GetValueOrDefault((c.Bucket, c.Dimension));
            return new LeadFunnelRow(KpiBuckets.Start(range.Bucket, c.Bucket), KpiDimensions.Display(range.GroupBy, c.Dimension),
                c.Leads, c.Converted, Durations.Percent(c.Converted, c.Leads), stats?.AverageSeconds / SecondsPerDay, stats?.MedianSeconds / SecondsPerDay);
        }).ToList();
    }

    /// <summary>First-response time FirstRespondedAt − CreatedAt (median, p90) and the share of demo downloads answered within <see cref="DemoSla"/> (T1, T2).</summary>
    public Task<IReadOnlyList<FirstResponseRow>> FirstResponseAsync(KpiRange range, CancellationToken ct) =>
        cache is null ? ComputeFirstResponseAsync(range, ct) : cache.GetOrComputeAsync(actor, "firstResponse", range, () => ComputeFirstResponseAsync(range, ct), ct);

    private async Task<IReadOnlyList<FirstResponseRow>> ComputeFirstResponseAsync(KpiRange range, CancellationToken ct)
    {
        var counts = await CountsAsync(range, ct);
        var timings = await StatsAsync(range, l => l.FirstRespondedAt != null, (l, bucket, dimension) => new KpiTiming
        {
            Bucket = bucket,
            Dimension = dimension,
            Start = l.CreatedAt,
            End = l.FirstRespondedAt!.Value,
            Flag = l.RequestType == RequestType.DemoDownload ? 1 : 0,
        }, ct, DemoSla);
        return counts.Select(c =>
        {
            var stats = timings.GetValueOrDefault((c.Bucket, c.Dimension));
            var withinSla = (int)(stats?.FlaggedWithin ?? 0);
            return new FirstResponseRow(KpiBuckets.Start(range.Bucket, c.Bucket), KpiDimensions.Display(range.GroupBy, c.Dimension),
                c.Leads, c.Responded, stats?.MedianSeconds / SecondsPerMinute, stats?.P90Seconds / SecondsPerMinute,
                c.Demo, withinSla, Durations.Percent(withinSla, c.Demo));
        }).ToList();
    }

    private const double SecondsPerDay = 86_400;
    private const double SecondsPerMinute = 60;

    private IQueryable<Lead> InRange(KpiRange range) =>
        db.Leads.AsNoTracking().Where(l => l.CreatedAt >= range.From && l.CreatedAt < range.To);

    /// <summary>
    /// The counts by bucket and dimension: for an unrestricted caller the whole days of the range from
    /// <see cref="LeadDayRollups"/> and only the partial days at its edges from the leads; for a partner or a manager
    /// limited to their own leads all from the leads they may see.
    /// </summary>
    private async Task<List<LeadCount>> CountsAsync(KpiRange range, CancellationToken ct)
    {
        var firstDay = range.From == range.From.Date ? range.From : range.From.Date.AddDays(1);
        var endDay = range.To.Date;
        List<LeadCount> counts;
        if (db.Actor.IsRestricted() || firstDay >= endDay)
        {
            counts = await DetailCountsAsync(range.From, range.To, range, ct);
        }
        else
        {
            counts = await LeadDayRollups.CountsAsync(db, firstDay, endDay, range.Bucket, range.GroupBy, ct);
            if (range.From < firstDay)
                counts.AddRange(await DetailCountsAsync(range.From, firstDay, range, ct));
            if (endDay < range.To)
                counts.AddRange(await DetailCountsAsync(endDay, range.To, range, ct));
            counts = counts.GroupBy(c => (c.Bucket, c.Dimension)).Select(g => g.Aggregate((a, b) => a + b)).ToList();
        }
        return counts.OrderBy(c => c.Bucket).ThenBy(c => c.Dimension, StringComparer.Ordinal).ToList();
    }

    private Task<List<LeadCount>> DetailCountsAsync(DateTime from, DateTime to, KpiRange range, CancellationToken ct) =>
        LeadDayRollups.DetailCountsAsync(db.Leads.AsNoTracking().Where(l => l.CreatedAt >= from && l.CreatedAt < to), range.Bucket, range.GroupBy, ct);

    /// <summary>Duration statistics (<see cref="Durations.StatsAsync"/>) of the leads of the range that reached <paramref name="reached"/>, by bucket and dimension.</summary>
    private Task<Dictionary<(int, string?), KpiDurationStats>> StatsAsync(
        KpiRange range, Expression<Func<Lead, bool>> reached, Expression<Func<Lead, int, string?, KpiTiming>> shape, CancellationToken ct,
        TimeSpan? flaggedWithin = null) =>
        Durations.StatsAsync(db, InRange(range).Where(reached).Select(KpiProjection.Of(shape, CreatedBucket(range.Bucket), KpiDimensions.OfLead(range.GroupBy))),
            range.GroupBy is not null, flaggedWithin, ct);

    private static Expression<Func<Lead, int>> CreatedBucket(KpiBucket bucket) =>
        ((Expression<Func<Lead, DateTime>>)(l => l.CreatedAt)).Then(KpiBuckets.Ordinal(bucket));
}
