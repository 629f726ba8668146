using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Platform.Api.Bulk;
using Platform.Api.Clients;
using Platform.Api.Common;
using Platform.Api.Deals;
using Platform.Api.Imports;
using Platform.Api.Kpis;
using Platform.Api.Leads;
using Platform.Api.Loyalty;
using Platform.Api.Privacy;
using Platform.Api.Referrals;
using Platform.Api.Webhooks;
using Platform.Domain;
using Platform.Domain.Clients;
using Platform.Domain.Deals;
using Platform.Domain.Leads;
using Platform.Domain.Orders;
using Platform.Domain.Privacy;
using Platform.Domain.Referrals;
using Platform.Domain.Staff;
using Platform.GraphQL.Server.DataLoader;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.GraphQL;

/// <summary>The root <c>Query</c> type: Relay's node lookups plus each feature's fields.</summary>
public sealed class QueryType : ObjectGraphType
{
    /// <summary>Every type that <c>node(id:)</c> can fetch.</summary>
    private static readonly NodeRegistry Nodes = new NodeRegistry()
        .Add<Lead>().Add<Activity>().Add<StaffUser>()
        .Add<Client>().Add<Contact>()
        .Add<Deal>().Add<DealStageChange>().Add<Pipeline>().Add<PipelineStage>()
        .Add<Order>().Add<Payment>()
        .Add<Partner>().Add<ReferralProgram>().Add<ReferralCode>().Add<Referral>().Add<Reward>().Add<Payout>()
        .Add<ConsentText>()
        // A bulk export is its caller's alone.
        .Add(BulkExportGraphType.TypeName, async (context, id, ct) => await BulkExportQueries.Exports(context).FindAsync(id, ct))
        // So is a lead import.
        .Add(LeadImportGraphType.TypeName, async (context, id, ct) => await LeadImportQueries.Imports(context).FindAsync(id, ct));

    public QueryType()
    {
        Name = "Query";
        Description = "The root of all reads.";
        Field<NodeInterfaceType>("node")
            .Description("Fetches any object by its global ID; null when no object has that ID.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The global ID of the object.")
            .Resolve(context => Nodes.Load(context, context.GetArgument<string>("id")));
        Field<NonNullGraphType<ListGraphType<NodeInterfaceType>>>("nodes")
            .Description("Fetches objects by their global IDs, in the same order; null for each ID with no object. At most 100 IDs.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids", "The global IDs of the objects (at most 100).")
            .Resolve(context =>
            {
                var ids = context.GetArgument<List<string>>("ids");
                if (ids.Count > PageRequest.MaxPageSize)
                    throw new ExecutionError($"`ids` may hold at most {PageRequest.MaxPageSize} IDs; it held {ids.Count}.") { Code = "TOO_MANY_IDS" };
                return Nodes.LoadMany(context, ids);
            });
        this.AddLeadQueries();
        this.AddClientQueries();
        this.AddDealQueries();
        this.AddLoyaltyQueries();
        this.AddReferralQueries();
        this.AddKpiQueries();
        this.AddBusinessKpiQueries();
        this.AddWebhookQueries();
        this.AddPrivacyQueries();
        this.AddBulkExportQueries();
        this.AddLeadImportQueries();
    }
}

internal static class NodeRegistryExtensions
{
    public static NodeRegistry Add<TEntity>(this NodeRegistry registry) where TEntity : Entity =>
        registry.Add(typeof(TEntity).Name, (context, id) => context.LoadById<TEntity>(id).Then(entity => (object?)entity));

    /// <summary>Registers a type read by <paramref name="load"/> when its result is asked for, after the batches queued with it.</summary>
    public static NodeRegistry Add(this NodeRegistry registry, string typeName, Func<IResolveFieldContext, long, CancellationToken, Task<object?>> load) =>
        registry.Add(typeName, (context, id) => new Deferred(ct => load(context, id, ct)));

    private sealed class Deferred(Func<CancellationToken, Task<object?>> load) : IDataLoaderResult<object?>
    {
        public Task<object?> GetResultAsync(CancellationToken cancellationToken = default) => load(cancellationToken);
    }
}
