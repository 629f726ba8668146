using GraphQL;
using GraphQL.DataLoader;
using Platform.Api.Common;
using Platform.Api.Loyalty;
using Platform.Domain.Clients;
using Platform.GraphQL.Server.DataLoader;

namespace Platform.Api.Clients;

/// <summary>
/// The computed purchase figures of a client, batched for every client in the response: two SQL
/// statements in all (the paid orders of the batch, the total turnover), never one per client.
/// </summary>
public static class PurchaseStatsLoader
{
    public static IDataLoaderResult<PurchaseStats> LoadPurchaseStats(this IResolveFieldContext<Client> context)
    {
        var facts = context.RequestServices!.GetRequiredService<PurchaseFacts>();
        return context.Loaders()
            .GetOrAdd<long, PurchaseStats>("Client.purchaseStats", async (ids, ct) => await facts.StatsAsync(ids, ct))
            .Load(context.Source.Id)
            .Then(stats => stats!);
    }
}
