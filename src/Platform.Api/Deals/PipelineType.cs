using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Common;
using Platform.Domain.Deals;

namespace Platform.Api.Deals;

/// <summary>The <c>Pipeline</c> object type.</summary>
public sealed class PipelineType : EntityType<Pipeline>
{
    public PipelineType() : base("A sales pipeline: the ordered stages a deal moves through. Pipelines are data; the default one is seeded.")
    {
        Field(x => x.Name);
        Field(x => x.IsDefault);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PipelineStageType>>>>("stages")
            .Description("The stages in order; terminal stages come last.")
            .Resolve(context =>
            {
                var db = context.Db();
                return context.Loaders()
                    .GetOrAdd<long, PipelineStage[]>("Pipeline.stages", async (ids, ct) =>
                        (await db.PipelineStages.AsNoTracking().Where(s => ids.Contains(s.PipelineId)).OrderBy(s => s.Position).ToListAsync(ct))
                        .GroupBy(s => s.PipelineId).ToDictionary(g => g.Key, g => g.ToArray()))
                    .Load(context.Source.Id);
            });
    }
}
