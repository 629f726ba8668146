using System.Linq.Expressions;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Domain.Deals;

namespace Platform.Api.Kpis;

/// <summary>
/// Proposal preparation time (T4 «скорость подготовки предложения»; the endpoints
/// are an inference of the spec, settled here):
/// <list type="bullet">
/// <item><b>end, proposal sent</b>: the deal's <c>ProposalSentAt</c> (the documented field, "proposal speed is a KPI
///"), else its first entry into the pipeline stage <c>PROPOSAL_SENT</c> in the stage history (moving a deal there
/// is how the API records a sent proposal);</item>
/// <item><b>start, the request</b>: the deal's first entry into <c>NEEDS_IDENTIFIED</c>, else, for a deal that skipped
/// it, the deal's creation (the request reaching the pipeline).</item>
/// </list>
/// A deal counts in the bucket its proposal was sent in. The database computes the durations (to the millisecond, by
/// the provider seam <see cref="Durations.SecondsBetween"/>) and their count, average and median per bucket and
/// dimension value with the window-function technique of <see cref="Durations"/>, as for the lead timings.
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

    /// <summary>
    /// Proposals sent per bucket (and dimension): their count and the average and median hours from request to proposal,
    /// all computed by the database in one statement (<see cref="Durations.StatsAsync"/>: window functions around the rows
    /// EF Core generates; only one row per bucket and dimension value travels to the API).
    /// </summary>
    public async Task<IReadOnlyList<ProposalTimeRow>> PreparationTimeAsync(KpiRange range, CancellationToken ct)
    {
        Expression<Func<Entry, DateTime>> sent = e => e.Sent!.Value;
        Expression<Func<Entry, DealKpis.Source>> source = e => e.Source;
        var timings = Entries(db)
            .Where(e => e.Sent >= range.From && e.Sent < range.To && e.Start <= e.Sent)
            .Select(KpiProjection.Of<Entry, KpiTiming>(
                (e, bucket, dimension) => new KpiTiming { Bucket = bucket, Dimension = dimension, Start = e.Start, End = e.Sent!.Value },
                sent.Then(KpiBuckets.Ordinal(range.Bucket)), source.Then(DealKpis.Dimension(range.GroupBy))));
        var stats = await Durations.StatsAsync(db, timings, range.GroupBy is not null, flaggedWithin: null, ct);
        return stats.Values
            .OrderBy(s => s.Bucket).ThenBy(s => s.Dimension, StringComparer.Ordinal)
            .Select(s => new ProposalTimeRow(KpiBuckets.Start(range.Bucket, s.Bucket), KpiDimensions.Display(range.GroupBy, s.Dimension),
                (int)s.Count, s.AverageSeconds / SecondsPerHour, s.MedianSeconds / SecondsPerHour))
            .ToList();
    }

    private const double SecondsPerHour = 3600;
}

/// <summary>Proposals sent in one bucket and how long they took to prepare (T4).</summary>
public sealed record ProposalTimeRow(DateTime BucketStart, string? Dimension, int Proposals, double? AverageHours, double? MedianHours);

/// <summary>The <c>ProposalTimeKpiRow</c> type.</summary>
public sealed class ProposalTimeRowType : ObjectGraphType<ProposalTimeRow>
{
    public ProposalTimeRowType()
    {
        Name = "ProposalTimeKpiRow";
        Description = "Proposal preparation time of the deals whose commercial proposal was sent in one bucket (and dimension value): from the request — the deal's first entry into NEEDS_IDENTIFIED, else the deal's creation — to the proposal sent — the deal's proposalSentAt, else its first entry into PROPOSAL_SENT.";
        Field(x => x.BucketStart).Description("First moment of the bucket (UTC).");
        Field(x => x.Dimension, nullable: true).Description("The dimension value the row is for (of the deal's lead; MANAGER: the deal's owner); null without grouping or without a value.");
        Field(x => x.Proposals).Description("Deals whose proposal was sent in the bucket.");
        Field(x => x.AverageHours, nullable: true).Description("Average hours from request to proposal sent (durations to the millisecond).");
        Field(x => x.MedianHours, nullable: true).Description("Median hours from request to proposal sent: the middle value, or the mean of the two middle values.");
    }
}
