using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Common;
using Platform.Domain.Deals;
using Platform.GraphQL.Server.Projection;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Deals;

/// <summary>The deal and pipeline fields of the root query.</summary>
public static class DealQueries
{
    public static void AddDealQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionGraphType<DealType, Deal>>>("deals")
            .Description("Deals matching `filter`, in `orderBy` order (newest first by default), paged by cursor.")
            .Argument<DealFilterInputType>("filter", "Conditions the deals must meet.")
            .Argument<EnumerationGraphType<DealOrder>>("orderBy", "The order of the deals; newest first by default.")
            .PagingArguments()
            .ResolveAsync(async context =>
            {
                var filter = context.GetArgument<DealFilter?>("filter") ?? new DealFilter();
                var deals = filter.Apply(context.Db().Deals.AsNoTracking());
                var order = context.GetArgument("orderBy", DealOrder.CreatedAtDesc).Keyset();
                return await KeysetPaging.PageAsync(deals, PageRequest.From(context), order, context.CancellationToken, context.SelectedNodes<Deal>(), context.Db());
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PipelineType>>>>("pipelines")
            .Description("All sales pipelines, the default one first.")
            .ResolveAsync(async context =>
                await context.Db().Pipelines.AsNoTracking().OrderByDescending(x => x.IsDefault).ThenBy(x => x.Id).ToListAsync(context.CancellationToken));
    }
}
