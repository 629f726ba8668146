using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Domain.Leads;

namespace Platform.Api.Kpis;

/// <summary>
/// The lead KPIs, by creation cohort: a lead counts in the bucket it was created in, whenever it converted or was
/// answered. Counts are grouped in the database, and so are the durations' average, median and p90 (<see cref="Durations"/>):
/// two statements per KPI, whose results are one row per bucket and dimension value whatever the number of leads. Results
/// are served from <see cref="KpiCache"/> when it holds them for the current data version.
/// </summary>
public sealed class LeadKpis(PlatformDbContext db, KpiCache? cache = null, ICurrentActor? actor = null)
{
    /// <summary>T1: a demo download must be answered within 2 hours.</summary>
    public static readonly TimeSpan DemoSla = TimeSpan.FromHours(2);

    private sealed class Fact
    {
        public int Bucket { get; init; }
        public string? Dimension { get; init; }
        public bool Converted { get; init; }
        public bool Responded { get; init; }
        public bool Demo { get; init; }
    }

    private sealed record Count(int Bucket, string? Dimension, int Leads, int Converted, int Responded, int Demo);

    /// <summary>Lead volume, conversion rate (converted / leads × 100) and days to conversion (ConvertedAt − CreatedAt), average and median.</summary>
    public Task<IReadOnlyList<LeadFunnelRow>> FunnelAsync(KpiRange range, CancellationToken ct) =>
        cache is null ? ComputeFunnelAsync(range, ct) : cache.GetOrComputeAsync(actor, "leadFunnel", range, () => ComputeFunnelAsync(range, ct), ct);

    private async Task<IReadOnlyList<LeadFunnelRow>> ComputeFunnelAsync(KpiRange range, CancellationToken ct)
    {
        var counts = await CountsAsync(range, ct);
        var timings = await StatsAsync(range, l => l.ConvertedAt != null,
            (l, bucket, dimension) => new KpiTiming { Bucket = bucket, Dimension = dimension, Start = l.CreatedAt, End = l.ConvertedAt!.Value }, ct);
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

    private async Task<List<Count>> CountsAsync(KpiRange range, CancellationToken ct)
    {
        var facts = InRange(range).Select(KpiProjection.Of<Lead, Fact>(
            (l, bucket, dimension) => new Fact
            {
                Bucket = bucket,
                Dimension = dimension,
                Converted = l.ConvertedAt != null,
                Responded = l.FirstRespondedAt != null,
                Demo = l.RequestType == RequestType.DemoDownload,
            },
            CreatedBucket(range.Bucket), KpiDimensions.OfLead(range.GroupBy)));
        var counts = await facts
            .GroupBy(f => new { f.Bucket, f.Dimension })
            .Select(g => new Count(g.Key.Bucket, g.Key.Dimension, g.Count(), g.Count(f => f.Converted), g.Count(f => f.Responded), g.Count(f => f.Demo)))
            .ToListAsync(ct);
        return counts.OrderBy(c => c.Bucket).ThenBy(c => c.Dimension, StringComparer.Ordinal).ToList();
    }

    /// <summary>Duration statistics (<see cref="Durations.StatsAsync"/>) of the leads of the range that reached <paramref name="reached"/>, by bucket and dimension.</summary>
    private Task<Dictionary<(int, string?), KpiDurationStats>> StatsAsync(
        KpiRange range, Expression<Func<Lead, bool>> reached, Expression<Func<Lead, int, string?, KpiTiming>> shape, CancellationToken ct,
        TimeSpan? flaggedWithin = null) =>
        Durations.StatsAsync(db, InRange(range).Where(reached).Select(KpiProjection.Of(shape, CreatedBucket(range.Bucket), KpiDimensions.OfLead(range.GroupBy))),
            range.GroupBy is not null, flaggedWithin, ct);

    private static Expression<Func<Lead, int>> CreatedBucket(KpiBucket bucket) =>
        ((Expression<Func<Lead, DateTime>>)(l => l.CreatedAt)).Then(KpiBuckets.Ordinal(bucket));
}
