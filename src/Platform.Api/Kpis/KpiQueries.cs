using GraphQL;
using GraphQL.Types;
using Platform.Api.Common;

namespace Platform.Api.Kpis;

/// <summary>The KPI fields of the root query: flat row lists a BI tool or spreadsheet takes directly (scope <c>kpi:read</c>).</summary>
public static class KpiQueries
{
    public static void AddKpiQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<LeadFunnelRowType>>>>("leadFunnelKpi")
            .Description("Lead volume, lead → client conversion rate and time to conversion per bucket of creation; group by TEMPERATURE for conversion per temperature. Served from a cache: a write through the API is reflected within 30 s (Kpis:Cache:MaxStalenessSeconds; by the next request when nothing was cached in the last 30 s), a write made elsewhere (another API node, the database directly) within 60 s (Kpis:Cache:MaxAgeSeconds).")
            .Argument<NonNullGraphType<KpiRangeInputType>>("range", "The time range, bucket and grouping.")
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<LeadKpis>().FunnelAsync(Range(context), context.CancellationToken));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<FirstResponseRowType>>>>("firstResponseKpi")
            .Description("First-response time (median, p90) and demo-download SLA compliance per bucket of creation. Served from a cache: a write through the API is reflected within 30 s (Kpis:Cache:MaxStalenessSeconds; by the next request when nothing was cached in the last 30 s), a write made elsewhere (another API node, the database directly) within 60 s (Kpis:Cache:MaxAgeSeconds).")
            .Argument<NonNullGraphType<KpiRangeInputType>>("range", "The time range, bucket and grouping.")
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<LeadKpis>().FirstResponseAsync(Range(context), context.CancellationToken));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RevenueRowType>>>>("revenueKpi")
            .Description("Revenue, average check and repeat-purchase rate per bucket of payment and currency. Served from a cache: a write through the API is reflected within 30 s (Kpis:Cache:MaxStalenessSeconds; by the next request when nothing was cached in the last 30 s), a write made elsewhere (another API node, the database directly) within 60 s (Kpis:Cache:MaxAgeSeconds).")
            .Argument<NonNullGraphType<KpiRangeInputType>>("range", "The time range, bucket and grouping.")
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<RevenueKpis>().RevenueAsync(Range(context), context.CancellationToken));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DealRowType>>>>("dealKpi")
            .Description("Win rate and average deal size of the deals closed per bucket and currency.")
            .Argument<NonNullGraphType<KpiRangeInputType>>("range", "The time range, bucket and grouping.")
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<DealKpis>().OutcomesAsync(Range(context), context.CancellationToken));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<MarketingRowType>>>>("marketingKpi")
            .Description("The marketing plan of a quarter per channel: leads against the target, cost per lead and ROI from recorded spend.")
            .Argument<NonNullGraphType<IntGraphType>>("year", "The calendar year.")
            .Argument<NonNullGraphType<IntGraphType>>("quarter", "The quarter, 1–4.")
            .Argument<NonNullGraphType<StringGraphType>>("currency", "ISO 4217 currency of the money figures.", a => a.DefaultValue = "EUR")
            .ResolveAsync(async context =>
            {
                var (year, quarter) = (context.GetArgument<int>("year"), context.GetArgument<int>("quarter"));
                if (quarter is < 1 or > 4 || year is < 2000 or > 9999)
                    throw new ExecutionError("`quarter` must be 1–4 and `year` 2000–9999.") { Code = "INVALID_RANGE" };
                return await context.RequestServices!.GetRequiredService<MarketingKpis>().QuarterAsync(year, quarter, context.TextArgument("currency")!, context.CancellationToken);
            });
        query.AddFunnelKpiQueries();
    }

    private static KpiRange Range(IResolveFieldContext context) => context.GetArgument<KpiRange>("range").Validated();
}
