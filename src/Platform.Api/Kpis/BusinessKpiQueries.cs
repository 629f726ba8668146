using GraphQL;
using GraphQL.Types;
using Platform.Api.Common;

namespace Platform.Api.Kpis;

/// <summary>
/// The client, referral and channel KPI fields of the root query, flat row lists like the other KPIs
/// (scope <c>kpi:read</c>), and their services.
/// </summary>
public static class BusinessKpiQueries
{
    public static IServiceCollection AddBusinessKpis(this IServiceCollection services) => services
        .AddScoped<ClientKpis>()
        .AddScoped<ReferralKpis>()
        .AddScoped<ChannelKpis>()
        .AddScoped<DiscountKpis>();

    public static void AddBusinessKpiQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StrategicClientRowType>>>>("strategicClientsKpi")
            .Description("Share of turnover per client: the top clients by net revenue of the orders paid in each bucket, per currency, with their share and strategic flag (> 10 %).")
            .Argument<NonNullGraphType<KpiRangeInputType>>("range", "The time range and bucket; groupBy is not supported (shares are of the whole turnover).")
            .Argument<NonNullGraphType<IntGraphType>>("first", $"How many clients per bucket and currency, 1–{ClientKpis.MaxTop}.", a => a.DefaultValue = ClientKpis.DefaultTop)
            .ResolveAsync(async context =>
            {
                var first = context.GetArgument<int>("first");
                if (first is < 1 or > ClientKpis.MaxTop)
                    throw new ExecutionError($"`first` must be between 1 and {ClientKpis.MaxTop}.") { Code = "INVALID_ARGUMENT" };
                var result = await Service<ClientKpis>(context).TurnoverSharesAsync(Range(context), first, context.CancellationToken);
                return result.Clients;
            });
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StrategicShareRowType>>>>("strategicShareKpi")
            .Description("Revenue share of strategic clients: Σ revenue of the clients with > 10 % of a bucket's turnover / the turnover, per bucket and currency.")
            .Argument<NonNullGraphType<KpiRangeInputType>>("range", "The time range and bucket; groupBy is not supported (shares are of the whole turnover).")
            .ResolveAsync(async context =>
            {
                var result = await Service<ClientKpis>(context).TurnoverSharesAsync(Range(context), 1, context.CancellationToken);
                return result.Shares;
            });
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SleepingClientsRowType>>>>("sleepingClientsKpi")
            .Description("Paying and sleeping clients as of the end of each bucket (the last row: as of the range end), by the rule of Client.isSleeping.")
            .Argument<NonNullGraphType<KpiRangeInputType>>("range", "The time range, bucket and grouping (MANAGER: the client's owner; the others: of the client's origin lead).")
            .ResolveAsync(async context => await Service<ClientKpis>(context).SleepingAsync(Range(context, null), context.CancellationToken));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DiscountRowType>>>>("discountKpi")
            .Description("Cost of the loyalty discounts by rule (D1, D3, D4): Σ discount each rule gave on the orders paid per bucket and currency, and its share of the gross.")
            .Argument<NonNullGraphType<KpiRangeInputType>>("range", "The time range, bucket and grouping (MANAGER: the client's owner; the others: of the client's origin lead).")
            .ResolveAsync(async context => await Service<DiscountKpis>(context).ByRuleAsync(Range(context, null), context.CancellationToken));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReferralRowType>>>>("referralKpi")
            .Description("Revenue of referred clients and the rewards earned per bucket, referring partner and currency.")
            .Argument<NonNullGraphType<KpiRangeInputType>>("range", "The time range and bucket; rows are always per partner (groupBy PARTNER or none).")
            .ResolveAsync(async context => await Service<ReferralKpis>(context).PartnersAsync(Range(context, KpiDimension.Partner), context.CancellationToken));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReferralsPerLoyalClientRowType>>>>("referralsPerLoyalClientKpi")
            .Description("Referrals per loyal client: clients referred by clients that became paying in each bucket / loyal clients; benchmark 2.")
            .Argument<NonNullGraphType<KpiRangeInputType>>("range", "The time range and bucket; groupBy MANAGER or none.")
            .ResolveAsync(async context => await Service<ReferralKpis>(context).PerLoyalClientAsync(Range(context, KpiDimension.Manager), context.CancellationToken));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChannelRowType>>>>("channelKpi")
            .Description("Per-channel basic reporting: reach, clicks, conversion into applications and cost of an application per bucket and channel, or per landing page.")
            .Argument<NonNullGraphType<KpiRangeInputType>>("range", "The time range and bucket; groupBy CHANNEL (the default) or LANDING_PAGE.")
            .Argument<NonNullGraphType<StringGraphType>>("currency", "ISO 4217 currency of the spend figures.", a => a.DefaultValue = "EUR")
            .ResolveAsync(async context => await Service<ChannelKpis>(context).ChannelsAsync(
                Range(context, KpiDimension.Channel, KpiDimension.LandingPage), context.TextArgument("currency")!, context.CancellationToken));
    }

    private static T Service<T>(IResolveFieldContext context) where T : notnull => context.RequestServices!.GetRequiredService<T>();

    /// <summary>The validated range; a grouping other than <paramref name="allowed"/> is an error (null: any grouping).</summary>
    private static KpiRange Range(IResolveFieldContext context, params KpiDimension[]? allowed)
    {
        var range = context.GetArgument<KpiRange>("range").Validated();
        if (allowed is not null && range.GroupBy is { } groupBy && !allowed.Contains(groupBy))
            throw new ExecutionError(allowed.Length == 0
                ? $"`{context.FieldDefinition.Name}` cannot be grouped."
                : $"`{context.FieldDefinition.Name}` can only be grouped by {string.Join(" or ", allowed.Select(Name))}.") { Code = "INVALID_RANGE" };
        return range;
    }

    private static KpiRange Range(IResolveFieldContext context) => Range(context, []);

    private static string Name(KpiDimension dimension) => dimension switch
    {
        KpiDimension.LandingPage => "LANDING_PAGE",
        _ => dimension.ToString().ToUpperInvariant(),
    };
}
