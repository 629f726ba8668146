using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Common;
using Platform.Api.Leads.Submission;
using Platform.Domain.Leads;
using Platform.GraphQL.Server.Projection;
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
                filter.NormalizeSearch(context.RequestServices!.GetRequiredService<ContactNormalizer>());
                var leads = filter.Apply(context.Db().Leads.AsNoTracking(), now);
                var order = context.GetArgument("orderBy", LeadOrder.CreatedAtDesc).Keyset();
                return await KeysetPaging.PageAsync(leads, PageRequest.From(context), order, context.CancellationToken, context.SelectedNodes<Lead>(), context.Db());
            });
        query.Field<NonNullGraphType<IntGraphType>>("rejectedSubmissionCount")
            .Description("How many lead submissions were rejected as spam (honeypot, too fast, a form token missing, invalid or used before) since a time, optionally for one reason and one landing key; rejected submissions are never stored as leads.")
            .Argument<NonNullGraphType<DateTimeGraphType>>("since", "Count rejections at or after this time (UTC).")
            .Argument<EnumerationGraphType<SpamReason>>("reason", "Only this reason.")
            .Argument<StringGraphType>("source", "Only this landing key (or API client id).")
            .ResolveAsync(async context =>
            {
                var since = context.GetArgument<DateTime>("since");
                var rejected = context.Db().RejectedSubmissions.Where(r => r.RejectedAt >= since);
                if (context.GetArgument<SpamReason?>("reason") is { } reason)
                    rejected = rejected.Where(r => r.Reason == reason);
                if (context.TextArgument("source") is { } source)
                    rejected = rejected.Where(r => r.Source == source);
                return (object?)await rejected.CountAsync(context.CancellationToken);
            });
    }
}
