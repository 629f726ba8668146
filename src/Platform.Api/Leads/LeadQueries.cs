using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Common;
using Platform.Domain.Leads;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Leads;

/// <summary>The lead fields of the root query.</summary>
public static class LeadQueries
{
    public static void AddLeadQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionGraphType<LeadType, Lead>>>("leads")
            .Description("Leads matching `filter`, in `orderBy` order (newest first by default), paged by cursor.")
            .Argument<LeadFilterInputType>("filter", "Conditions the leads must meet.")
            .Argument<EnumerationGraphType<LeadOrder>>("orderBy", "The order of the leads; newest first by default.")
            .PagingArguments()
            .ResolveAsync(async context =>
            {
                var now = context.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
                var filter = context.GetArgument<LeadFilter?>("filter") ?? new LeadFilter();
                var leads = filter.Apply(context.Db().Leads.AsNoTracking(), now);
                var order = context.GetArgument("orderBy", LeadOrder.CreatedAtDesc).Keyset();
                return await KeysetPaging.PageAsync(leads, PageRequest.From(context), order, context.CancellationToken);
            });
    }
}
