using GraphQL;
using GraphQL.Types;

namespace Platform.Api.Kpis;

/// <summary>The KPI fields of the root query: flat row lists a BI tool or spreadsheet takes directly (scope <c>kpi:read</c>).</summary>
public static class KpiQueries
{
    public static void AddKpiQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<LeadFunnelRowType>>>>("leadFunnelKpi")
            .Description("Lead volume, lead → client conversion rate and time to conversion per bucket of creation (SPEC §4); group by TEMPERATURE for conversion per temperature.")
            .Argument<NonNullGraphType<KpiRangeInputType>>("range", "The time range, bucket and grouping.")
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<LeadKpis>().FunnelAsync(Range(context), context.CancellationToken));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<FirstResponseRowType>>>>("firstResponseKpi")
            .Description("First-response time (median, p90) and demo-download SLA compliance per bucket of creation (T1, T2).")
            .Argument<NonNullGraphType<KpiRangeInputType>>("range", "The time range, bucket and grouping.")
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<LeadKpis>().FirstResponseAsync(Range(context), context.CancellationToken));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RevenueRowType>>>>("revenueKpi")
            .Description("Revenue, average check and repeat-purchase rate per bucket of payment and currency.")
            .Argument<NonNullGraphType<KpiRangeInputType>>("range", "The time range, bucket and grouping.")
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<RevenueKpis>().RevenueAsync(Range(context), context.CancellationToken));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DealRowType>>>>("dealKpi")
            .Description("Win rate and average deal size of the deals closed per bucket and currency.")
            .Argument<NonNullGraphType<KpiRangeInputType>>("range", "The time range, bucket and grouping.")
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<DealKpis>().OutcomesAsync(Range(context), context.CancellationToken));
    }

    private static KpiRange Range(IResolveFieldContext context) => context.GetArgument<KpiRange>("range").Validated();
}
