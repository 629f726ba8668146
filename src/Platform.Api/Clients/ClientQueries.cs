using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Common;
using Platform.Domain.Clients;
using Platform.GraphQL.Server.Projection;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Clients;

/// <summary>The client fields of the root query.</summary>
public static class ClientQueries
{
    public static void AddClientQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionGraphType<ClientType, Client>>>("clients")
            .Description("Clients matching `filter`, in `orderBy` order (by name by default), paged by cursor.")
            .Argument<ClientFilterInputType>("filter", "Conditions the clients must meet.")
            .Argument<EnumerationGraphType<ClientOrder>>("orderBy", "The order of the clients; by name by default.")
            .PagingArguments()
            .ResolveAsync(async context =>
            {
                var filter = context.GetArgument<ClientFilter?>("filter") ?? new ClientFilter();
                var clients = filter.Apply(context.Db().Clients.AsNoTracking());
                var order = context.GetArgument("orderBy", ClientOrder.NameAsc).Keyset();
                return await KeysetPaging.PageAsync(clients, PageRequest.From(context), order, context.CancellationToken, context.SelectedNodes<Client>(), context.Db());
            });
    }
}
