using System.Linq.Expressions;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Platform.Data;
using Platform.Domain.Deals;

namespace Platform.Api.Kpis;

/// <summary>
/// Proposal preparation time (SPEC §4 "Proposal preparation speed", T4 «скорость подготовки предложения»; the endpoints
/// are an inference of the spec, settled here):
/// <list type="bullet">
/// <item><b>end, proposal sent</b>: the deal's <c>ProposalSentAt</c> (the documented field, "proposal speed is a KPI
/// (T4)"), else its first entry into the pipeline stage <c>PROPOSAL_SENT</c> in the stage history (moving a deal there
/// is how the API records a sent proposal);</item>
/// <item><b>start, the request</b>: the deal's first entry into <c>NEEDS_IDENTIFIED</c>, else, for a deal that skipped
/// it, the deal's creation (the request reaching the pipeline).</item>
/// </list>
/// A deal counts in the bucket its proposal was sent in. The database computes each duration in whole seconds from
/// <c>Year</c>, <c>DayOfYear</c>, <c>Hour</c>, <c>Minute</c> and <c>Second</c> (translated alike on SQLite, PostgreSQL
/// and SQL Server, which share no date-difference function); a median is no portable SQL aggregate, so the query
/// returns one number per deal (with its bucket and dimension) and the average and median are computed here.
/// Deals whose needs were identified only after the proposal are left out (no negative durations).
/// </summary>
public sealed class ProposalKpis(PlatformDbContext db)
{
    /// <summary>A deal with when its proposal was sent (null: not yet) and when its request started, as defined above.</summary>
    internal sealed class Entry
    {
        public DealKpis.Source Source { get; init; } = null!;
        public DateTime? Sent { get; init; }
        public DateTime Start { get; init; }
    }

    private sealed class Timing
    {
        public int Bucket { get; init; }
        public string? Dimension { get; init; }
        public long Seconds { get; init; }
    }

    /// <summary>Seconds since 0001-01-01 of a UTC timestamp, from the day ordinal of <see cref="KpiBuckets"/> (whole seconds).</summary>
    internal static Expression<Func<DateTime, long>> Seconds()
    {
        var day = KpiBuckets.Ordinal(KpiBucket.Day);
        Expression<Func<DateTime, int, long>> seconds = (t, d) => (long)d * 86400 + t.Hour * 3600 + t.Minute * 60 + t.Second;
        var body = ReplacingExpressionVisitor.Replace(seconds.Parameters[1], ReplacingExpressionVisitor.Replace(day.Parameters[0], seconds.Parameters[0], day.Body), seconds.Body);
        return Expression.Lambda<Func<DateTime, long>>(body, seconds.Parameters[0]);
    }

    /// <summary>Every deal with its proposal-sent and request times; the hourglass's TRY stage counts the same proposals.</summary>
    internal static IQueryable<Entry> Entries(PlatformDbContext db)
    {
        var firsts =
            from c in db.DealStageChanges
            join s in db.PipelineStages on c.ToStageId equals s.Id
            where s.Code == PipelineStageCodes.ProposalSent || s.Code == PipelineStageCodes.NeedsIdentified
            group new { s.Code, c.ChangedAt } by c.DealId into g
            select new
            {
                DealId = g.Key,
                Sent = g.Min(x => x.Code == PipelineStageCodes.ProposalSent ? (DateTime?)x.ChangedAt : null),
                Needs = g.Min(x => x.Code == PipelineStageCodes.NeedsIdentified ? (DateTime?)x.ChangedAt : null),
            };
        return
            from d in db.Deals.AsNoTracking()
            join f in firsts on d.Id equals f.DealId into first
            from f in first.DefaultIfEmpty()
            join l in db.Leads on d.LeadId equals (long?)l.Id into lead
            from l in lead.DefaultIfEmpty()
            select new Entry { Source = new DealKpis.Source { Deal = d, Lead = l }, Sent = d.ProposalSentAt ?? f.Sent, Start = f.Needs ?? d.CreatedAt };
    }

    /// <summary>The row shape with <c>Seconds</c> = seconds(<paramref name="end"/>) − seconds(<paramref name="start"/>), computed by the database.</summary>
    private static Expression<Func<Entry, int, string?, Timing>> WithSeconds(Expression<Func<Entry, DateTime>> end, Expression<Func<Entry, DateTime>> start)
    {
        Expression<Func<Entry, int, string?, long, Timing>> shape = (e, bucket, dimension, seconds) => new Timing { Bucket = bucket, Dimension = dimension, Seconds = seconds };
        var entry = shape.Parameters[0];
        Expression At(Expression<Func<Entry, DateTime>> time) => ReplacingExpressionVisitor.Replace(time.Parameters[0], entry, time.Then(Seconds()).Body);
        var body = ReplacingExpressionVisitor.Replace(shape.Parameters[3], Expression.Subtract(At(end), At(start)), shape.Body);
        return Expression.Lambda<Func<Entry, int, string?, Timing>>(body, entry, shape.Parameters[1], shape.Parameters[2]);
    }

    /// <summary>Proposals sent per bucket (and dimension): their count and the average and median hours from request to proposal.</summary>
    public async Task<IReadOnlyList<ProposalTimeRow>> PreparationTimeAsync(KpiRange range, CancellationToken ct)
    {
        var entries = Entries(db);
        Expression<Func<Entry, DateTime>> sent = e => e.Sent!.Value;
        Expression<Func<Entry, DateTime>> start = e => e.Start;
        Expression<Func<Entry, DealKpis.Source>> source = e => e.Source;
        var timings = await entries
            .Where(e => e.Sent >= range.From && e.Sent < range.To && e.Start <= e.Sent)
            .Select(KpiProjection.Of(WithSeconds(sent, start), sent.Then(KpiBuckets.Ordinal(range.Bucket)), source.Then(DealKpis.Dimension(range.GroupBy))))
            .ToListAsync(ct);
        return timings
            .GroupBy(t => (t.Bucket, t.Dimension))
            .OrderBy(g => g.Key.Bucket).ThenBy(g => g.Key.Dimension, StringComparer.Ordinal)
            .Select(g =>
            {
                var hours = g.Select(t => t.Seconds / 3600.0).Order().ToList();
                return new ProposalTimeRow(KpiBuckets.Start(range.Bucket, g.Key.Bucket), KpiDimensions.Display(range.GroupBy, g.Key.Dimension),
                    hours.Count, Durations.Average(hours), Durations.Median(hours));
            })
            .ToList();
    }
}

/// <summary>Proposals sent in one bucket and how long they took to prepare (SPEC §4, T4).</summary>
public sealed record ProposalTimeRow(DateTime BucketStart, string? Dimension, int Proposals, double? AverageHours, double? MedianHours);

/// <summary>The <c>ProposalTimeKpiRow</c> type.</summary>
public sealed class ProposalTimeRowType : ObjectGraphType<ProposalTimeRow>
{
    public ProposalTimeRowType()
    {
        Name = "ProposalTimeKpiRow";
        Description = "Proposal preparation time (T4) of the deals whose commercial proposal was sent in one bucket (and dimension value): from the request — the deal's first entry into NEEDS_IDENTIFIED, else the deal's creation — to the proposal sent — the deal's proposalSentAt, else its first entry into PROPOSAL_SENT.";
        Field(x => x.BucketStart).Description("First moment of the bucket (UTC).");
        Field(x => x.Dimension, nullable: true).Description("The dimension value the row is for (of the deal's lead; MANAGER: the deal's owner); null without grouping or without a value.");
        Field(x => x.Proposals).Description("Deals whose proposal was sent in the bucket.");
        Field(x => x.AverageHours, nullable: true).Description("Average hours from request to proposal sent (durations in whole seconds).");
        Field(x => x.MedianHours, nullable: true).Description("Median hours from request to proposal sent: the middle value, or the mean of the two middle values.");
    }
}
