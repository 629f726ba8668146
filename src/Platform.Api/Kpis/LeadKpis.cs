using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Domain.Leads;

namespace Platform.Api.Kpis;

/// <summary>
/// The lead KPIs, by creation cohort: a lead counts in the bucket it was created in, whenever it converted or was
/// answered. Counts are grouped in the database; durations come from <see cref="Durations"/>.
/// </summary>
public sealed class LeadKpis(PlatformDbContext db)
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

    /// <summary>When a lead started and reached a step (conversion, first response).</summary>
    private sealed class Timing
    {
        public int Bucket { get; init; }
        public string? Dimension { get; init; }
        public bool Demo { get; init; }
        public DateTime Start { get; init; }
        public DateTime End { get; init; }
    }

    private sealed record Count(int Bucket, string? Dimension, int Leads, int Converted, int Responded, int Demo);

    /// <summary>Lead volume, conversion rate (converted / leads × 100) and days to conversion (ConvertedAt − CreatedAt).</summary>
    public async Task<IReadOnlyList<LeadFunnelRow>> FunnelAsync(KpiRange range, CancellationToken ct)
    {
        var counts = await CountsAsync(range, ct);
        var timings = await TimingsAsync(range, l => l.ConvertedAt != null,
            (l, bucket, dimension) => new Timing { Bucket = bucket, Dimension = dimension, Start = l.CreatedAt, End = l.ConvertedAt!.Value }, ct);
        return counts.Select(c =>
        {
            var days = timings.GetValueOrDefault((c.Bucket, c.Dimension))?.Select(t => (t.End - t.Start).TotalDays).Order().ToList() ?? [];
            return new LeadFunnelRow(KpiBuckets.Start(range.Bucket, c.Bucket), KpiDimensions.Display(range.GroupBy, c.Dimension),
                c.Leads, c.Converted, Durations.Percent(c.Converted, c.Leads), Durations.Average(days), Durations.Median(days));
        }).ToList();
    }

    /// <summary>First-response time FirstRespondedAt − CreatedAt (median, p90) and the share of demo downloads answered within <see cref="DemoSla"/>.</summary>
    public async Task<IReadOnlyList<FirstResponseRow>> FirstResponseAsync(KpiRange range, CancellationToken ct)
    {
        var counts = await CountsAsync(range, ct);
        var timings = await TimingsAsync(range, l => l.FirstRespondedAt != null, (l, bucket, dimension) => new Timing
        {
            Bucket = bucket,
            Dimension = dimension,
            Demo = l.RequestType == RequestType.DemoDownload,
            Start = l.CreatedAt,
            End = l.FirstRespondedAt!.Value,
        }, ct);
        return counts.Select(c =>
        {
            var answered = timings.GetValueOrDefault((c.Bucket, c.Dimension)) ?? [];
            var minutes = answered.Select(t => (t.End - t.Start).TotalMinutes).Order().ToList();
            var withinSla = answered.Count(t => t.Demo && t.End - t.Start <= DemoSla);
            return new FirstResponseRow(KpiBuckets.Start(range.Bucket, c.Bucket), KpiDimensions.Display(range.GroupBy, c.Dimension),
                c.Leads, c.Responded, Durations.Median(minutes), Durations.Percentile(minutes, 90),
                c.Demo, withinSla, Durations.Percent(withinSla, c.Demo));
        }).ToList();
    }

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

    /// <summary>Start and end (as <paramref name="shape"/> picks) of the leads of the range that reached <paramref name="reached"/>, by bucket and dimension.</summary>
    private async Task<Dictionary<(int, string?), List<Timing>>> TimingsAsync(
        KpiRange range, Expression<Func<Lead, bool>> reached, Expression<Func<Lead, int, string?, Timing>> shape, CancellationToken ct)
    {
        var timings = await InRange(range).Where(reached)
            .Select(KpiProjection.Of(shape, CreatedBucket(range.Bucket), KpiDimensions.OfLead(range.GroupBy)))
            .ToListAsync(ct);
        return timings.GroupBy(t => (t.Bucket, t.Dimension)).ToDictionary(g => g.Key, g => g.ToList());
    }

    private static Expression<Func<Lead, int>> CreatedBucket(KpiBucket bucket) =>
        ((Expression<Func<Lead, DateTime>>)(l => l.CreatedAt)).Then(KpiBuckets.Ordinal(bucket));
}
