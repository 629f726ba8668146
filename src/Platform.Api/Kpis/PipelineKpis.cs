using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Domain.Deals;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Kpis;

/// <summary>
/// The pipeline KPI: for the deals of
/// one pipeline, how many reached each stage in each bucket, read from the stage history (<see cref="DealStageChange"/>,
/// bucket of <c>ChangedAt</c>), the stage-to-stage conversion count(stage n) / count(stage n − 1) × 100 and the drop-off
/// count(stage n − 1) − count(stage n). Win rate and average deal size are <see cref="DealKpis"/>' own, limited to the
/// pipeline. Everything is counted by the database; a deal that enters a stage twice in a bucket counts once.
/// </summary>
public sealed class PipelineKpis(PlatformDbContext db, DealKpis deals)
{
    /// <summary>A stage move with the deal (and its lead) that moved.</summary>
    private sealed class Entry
    {
        public DateTime ChangedAt { get; init; }
        public long StageId { get; init; }
        public DealKpis.Source Source { get; init; } = null!;
    }

    private sealed class Fact
    {
        public int Bucket { get; init; }
        public string? Dimension { get; init; }
        public long StageId { get; init; }
        public long DealId { get; init; }
    }

    private sealed record Count(int Bucket, string? Dimension, long StageId, int Deals);

    /// <summary>A stage of the reported pipeline.</summary>
    public sealed record Stage(long Id, long PipelineId, string PipelineName, string Code, string Name, int Position, bool IsLost);

    /// <summary>The pipeline <paramref name="pipelineId"/> (the default one when null) and its stages in order; null when there is no such pipeline.</summary>
    public async Task<PipelineKpi?> PipelineAsync(long? pipelineId, KpiRange range, CancellationToken ct)
    {
        var stages = await db.PipelineStages.AsNoTracking()
            .Where(s => pipelineId == null ? s.Pipeline.IsDefault : s.PipelineId == pipelineId)
            .OrderBy(s => s.PipelineId).ThenBy(s => s.Position).ThenBy(s => s.Id)
            .Select(s => new Stage(s.Id, s.PipelineId, s.Pipeline.Name, s.Code, s.Name, s.Position, s.IsLost))
            .ToListAsync(ct);
        if (stages.Count == 0)
            return null;
        var pipeline = stages[0].PipelineId; // several default pipelines: the oldest
        return new PipelineKpi(pipeline, stages[0].PipelineName, stages.Where(s => s.PipelineId == pipeline).ToList(), range);
    }

    /// <summary>
    /// One row per bucket (and dimension value) with moves, per stage in pipeline order. The funnel steps are the stages
    /// other than the lost one; the lost stage is reported without conversion. Conversion is null when the previous step
    /// had no deals (never a division by zero). Deals may skip stages, so a step can exceed the one before it.
    /// </summary>
    public async Task<IReadOnlyList<PipelineStageRow>> StagesAsync(PipelineKpi pipeline, CancellationToken ct)
    {
        var range = pipeline.Range;
        var entries =
            from c in db.DealStageChanges.AsNoTracking()
            where c.ChangedAt >= range.From && c.ChangedAt < range.To
            join d in db.Deals on c.DealId equals d.Id
            where d.PipelineId == pipeline.Id
            join l in db.Leads on d.LeadId equals (long?)l.Id into lead
            from l in lead.DefaultIfEmpty()
            select new Entry { ChangedAt = c.ChangedAt, StageId = c.ToStageId, Source = new DealKpis.Source { Deal = d, Lead = l } };
        Expression<Func<Entry, DateTime>> changedAt = e => e.ChangedAt;
        Expression<Func<Entry, DealKpis.Source>> source = e => e.Source;
        var counts = await entries
            .Select(KpiProjection.Of<Entry, Fact>(
                (e, bucket, dimension) => new Fact { Bucket = bucket, Dimension = dimension, StageId = e.StageId, DealId = e.Source.Deal.Id },
                changedAt.Then(KpiBuckets.Ordinal(range.Bucket)), source.Then(DealKpis.Dimension(range.GroupBy))))
            .GroupBy(f => new { f.Bucket, f.Dimension, f.StageId })
            .Select(g => new Count(g.Key.Bucket, g.Key.Dimension, g.Key.StageId, g.Select(f => f.DealId).Distinct().Count()))
            .ToListAsync(ct);

        var byStage = counts.ToDictionary(c => (c.Bucket, c.Dimension, c.StageId), c => c.Deals);
        return counts.Select(c => (c.Bucket, c.Dimension)).Distinct()
            .OrderBy(k => k.Bucket).ThenBy(k => k.Dimension, StringComparer.Ordinal)
            .SelectMany(key =>
            {
                int? previous = null;
                var rows = new List<PipelineStageRow>();
                foreach (var stage in pipeline.Stages)
                {
                    var reached = byStage.GetValueOrDefault((key.Bucket, key.Dimension, stage.Id));
                    var step = !stage.IsLost && previous is not null;
                    rows.Add(new PipelineStageRow(KpiBuckets.Start(range.Bucket, key.Bucket), KpiDimensions.Display(range.GroupBy, key.Dimension),
                        stage.Code, stage.Name, stage.Position, stage.IsLost, reached,
                        step ? Durations.Percent(reached, previous!.Value) : null, step ? previous - reached : null));
                    if (!stage.IsLost)
                        previous = reached;
                }
                return rows;
            })
            .ToList();
    }

    /// <summary>Win rate and average deal size of the pipeline's deals closed in the range (<see cref="DealKpis.OutcomesAsync"/>).</summary>
    public Task<IReadOnlyList<DealRow>> OutcomesAsync(PipelineKpi pipeline, CancellationToken ct) =>
        deals.OutcomesAsync(pipeline.Range, ct, pipeline.Id);
}

/// <summary>The pipeline a <c>pipelineKpi</c> reports on and the range it covers; its lists are read when selected.</summary>
public sealed record PipelineKpi(long Id, string Name, IReadOnlyList<PipelineKpis.Stage> Stages, KpiRange Range);

/// <summary>How many deals of a pipeline reached one stage in one bucket, and the conversion from the step before.</summary>
public sealed record PipelineStageRow(
    DateTime BucketStart, string? Dimension, string StageCode, string StageName, int Position, bool Terminal, int Deals,
    double? ConversionFromPrevious, int? DropOff);

/// <summary>The <c>PipelineKpiStageRow</c> type.</summary>
public sealed class PipelineStageRowType : ObjectGraphType<PipelineStageRow>
{
    public PipelineStageRowType()
    {
        Name = "PipelineKpiStageRow";
        Description = "How many deals of the pipeline entered one stage in one bucket (and dimension value), from the deal stage history, and the funnel conversion from the step before.";
        Field(x => x.BucketStart).Description("First moment of the bucket (UTC).");
        Field(x => x.Dimension, nullable: true).Description("The dimension value the row is for (of the deal's lead; MANAGER: the deal's owner); null without grouping or without a value.");
        Field(x => x.StageCode).Description("The stage's code, e.g. PROPOSAL_SENT.");
        Field(x => x.StageName).Description("The stage's display name.");
        Field(x => x.Position).Description("The stage's position in the pipeline, from 1; rows come in this order.");
        Field(x => x.Terminal).Description("Whether this is the lost stage, which ends a deal outside the funnel steps; it has no conversion or drop-off.");
        Field(x => x.Deals).Description("Distinct deals that entered the stage in the bucket (0 when none).");
        Field(x => x.ConversionFromPrevious, nullable: true).Description("Deals of this stage / deals of the previous funnel step × 100; null for the first stage, the lost stage, or when the previous step had no deals. Deals may skip stages, so it can exceed 100.");
        Field(x => x.DropOff, nullable: true).Description("Deals of the previous funnel step − deals of this stage (negative when more entered this stage); null for the first and the lost stage.");
    }
}

/// <summary>The <c>PipelineKpi</c> type.</summary>
public sealed class PipelineKpiType : ObjectGraphType<PipelineKpi>
{
    public PipelineKpiType()
    {
        Name = "PipelineKpi";
        Description = "Funnel figures of one pipeline over a range: stage counts with conversion and drop-off, and the win rate and average deal size of its closed deals.";
        Field<NonNullGraphType<IdGraphType>>("pipelineId").Description("The global ID of the pipeline reported on.").Resolve(c => GlobalId.Encode("Pipeline", c.Source.Id));
        Field(x => x.Name).Description("The pipeline's name.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PipelineStageRowType>>>>("stages")
            .Description("Per bucket (and dimension value) with stage moves, one row per stage of the pipeline in order.")
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<PipelineKpis>().StagesAsync(c.Source, c.CancellationToken));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DealRowType>>>>("outcomes")
            .Description("The pipeline's deals closed (won or lost) per bucket and currency: win rate and average deal size, as `dealKpi` computes them.")
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<PipelineKpis>().OutcomesAsync(c.Source, c.CancellationToken));
    }
}
