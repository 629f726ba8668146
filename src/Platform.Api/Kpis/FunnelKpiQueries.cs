using GraphQL;
using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain.Deals;

namespace Platform.Api.Kpis;

/// <summary>The pipeline, proposal-time, hourglass and sales-plan KPI fields of the root query (scope <c>kpi:read</c>), next to <see cref="KpiQueries"/>.</summary>
public static class FunnelKpiQueries
{
    public static void AddFunnelKpiQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<PipelineKpiType>>("pipelineKpi")
            .Description("Funnel of a pipeline (the default one unless `pipelineId` is given) from the deal stage history: deals entering each stage per bucket, stage-to-stage conversion and drop-off, with the win rate and average deal size of its closed deals.")
            .Argument<NonNullGraphType<KpiRangeInputType>>("range", "The time range, bucket and grouping.")
            .Argument<IdGraphType>("pipelineId", "The pipeline to report on; omitted, the default pipeline.")
            .ResolveAsync(async context =>
            {
                var range = context.GetArgument<KpiRange>("range").Validated();
                var id = context.GetArgument<string?>("pipelineId");
                var pipeline = await context.RequestServices!.GetRequiredService<PipelineKpis>()
                    .PipelineAsync(id is null ? null : Common.GlobalIds.Decode<Pipeline>(id, "pipelineId"), range, context.CancellationToken);
                return pipeline ?? throw new ExecutionError(id is null ? "There is no default pipeline." : $"No pipeline has the ID \"{id}\".") { Code = "NOT_FOUND" };
            });
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProposalTimeRowType>>>>("proposalTimeKpi")
            .Description("Proposal preparation time per bucket of the proposal being sent: from needs identified (else the deal's creation) to proposal sent (the deal's proposalSentAt, else its entry into PROPOSAL_SENT); group by MANAGER for the deal owners.")
            .Argument<NonNullGraphType<KpiRangeInputType>>("range", "The time range, bucket and grouping.")
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<ProposalKpis>()
                .PreparationTimeAsync(context.GetArgument<KpiRange>("range").Validated(), context.CancellationToken));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<HourglassRowType>>>>("hourglassKpi")
            .Description("The marketing hourglass Know → Like → Trust → Try → Buy → Repeat → Refer: counts per stage and bucket from interests, leads, deals, orders and referrals, with the drop-off between stages. The range's groupBy is not used: the stages come from different data.")
            .Argument<NonNullGraphType<KpiRangeInputType>>("range", "The time range and bucket.")
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<HourglassKpis>()
                .HourglassAsync(context.GetArgument<KpiRange>("range").Validated(), context.CancellationToken));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SalesPlanRowType>>>>("salesPlanKpi")
            .Description("Quarterly sales plan fulfilment: paid revenue of the quarter / target × 100, for the team and each manager.")
            .Argument<NonNullGraphType<IntGraphType>>("year", "The calendar year.")
            .Argument<NonNullGraphType<IntGraphType>>("quarter", "The quarter, 1–4.")
            .Argument<NonNullGraphType<StringGraphType>>("currency", "ISO 4217 currency of the plans and revenue compared.", a => a.DefaultValue = "EUR")
            .ResolveAsync(async context =>
            {
                var (year, quarter) = (context.GetArgument<int>("year"), context.GetArgument<int>("quarter"));
                if (quarter is < 1 or > 4 || year is < 2000 or > 9999)
                    throw new ExecutionError("`quarter` must be 1–4 and `year` 2000–9999.") { Code = "INVALID_RANGE" };
                return await context.RequestServices!.GetRequiredService<SalesPlanKpis>().QuarterAsync(year, quarter, context.TextArgument("currency")!, context.CancellationToken);
            });
    }
}
