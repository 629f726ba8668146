using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Relay;

public abstract class ClientAndDealConnectionTests<THost>(THost api) where THost : ApiHost
{
    [Fact]
    public async Task Clients_ByDefault_AreOrderedByNameAndPageWithoutGapsOrRepeats()
    {
        var first = await api.QueryAsync("{ clients(first: 4) { totalCount pageInfo { endCursor } nodes { id name } } }");
        var second = await api.QueryAsync("query($after: String) { clients(first: 100, after: $after) { nodes { id name } } }",
            new { after = (string)first["clients"]!["pageInfo"]!["endCursor"]! });

        var names = first["clients"]!["nodes"]!.AsArray().Concat(second["clients"]!["nodes"]!.AsArray()).Select(n => (string)n!["name"]!).ToList();
        Assert.Equal((int)first["clients"]!["totalCount"]!, names.Count);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public async Task Clients_FilteredByNamePrefix_MatchOnlyThose()
    {
        var all = await api.QueryAsync("{ clients(first: 1) { nodes { name } } }");
        var prefix = ((string)all["clients"]!["nodes"]![0]!["name"]!)[..3];

        var data = await api.QueryAsync("query($prefix: String) { clients(first: 100, filter: { nameStartsWith: $prefix }) { nodes { name } } }", new { prefix });

        Assert.NotEmpty(data["clients"]!["nodes"]!.AsArray());
        Assert.All(data["clients"]!["nodes"]!.AsArray(), n => Assert.StartsWith(prefix, (string)n!["name"]!));
    }

    [Fact]
    public async Task Deals_OfOneClient_BelongToIt()
    {
        var some = await api.QueryAsync("{ deals(first: 1) { nodes { client { id } } } }");
        var clientId = (string)some["deals"]!["nodes"]![0]!["client"]!["id"]!;

        var data = await api.QueryAsync("query($id: ID) { deals(first: 100, filter: { clientId: $id }) { nodes { client { id } } } }", new { id = clientId });

        Assert.All(data["deals"]!["nodes"]!.AsArray(), n => Assert.Equal(clientId, (string)n!["client"]!["id"]!));
    }

    [Fact]
    public async Task Deals_ByState_SplitIntoOpenWonAndLost()
    {
        var data = await api.QueryAsync("""
            {
              all: deals { totalCount }
              open: deals(filter: { state: OPEN }, first: 100) { totalCount nodes { stage { isWon isLost } } }
              won: deals(filter: { state: WON }, first: 100) { totalCount nodes { stage { isWon } } }
              lost: deals(filter: { state: LOST }, first: 100) { totalCount nodes { stage { isLost } lostReason } }
            }
            """);
        int Count(string alias) => (int)data[alias]!["totalCount"]!;

        Assert.Equal(Count("all"), Count("open") + Count("won") + Count("lost"));
        Assert.All(data["open"]!["nodes"]!.AsArray(), n => Assert.False((bool)n!["stage"]!["isWon"]! || (bool)n["stage"]!["isLost"]!));
        Assert.All(data["won"]!["nodes"]!.AsArray(), n => Assert.True((bool)n!["stage"]!["isWon"]!));
        Assert.All(data["lost"]!["nodes"]!.AsArray(), n => Assert.True((bool)n!["stage"]!["isLost"]!));
    }

    [Fact]
    public async Task Deals_ByAmount_AreLargestFirst()
    {
        var data = await api.QueryAsync("{ deals(first: 50, orderBy: AMOUNT_DESC) { nodes { amount { amount currency } } } }");
        var amounts = data["deals"]!["nodes"]!.AsArray().Select(n => (long)n!["amount"]!["amount"]!).ToList();
        Assert.Equal(amounts.OrderDescending(), amounts);
    }

    [Fact]
    public async Task Pipelines_DefaultOne_HasTheDecidedStagesInOrder()
    {
        var data = await api.QueryAsync("{ pipelines { isDefault stages { code } } }");
        var pipeline = data["pipelines"]![0]!;
        Assert.True((bool)pipeline["isDefault"]!);
        Assert.Equal(
            ["NEW", "CONTACTED", "NEEDS_IDENTIFIED", "PROPOSAL_SENT", "START_OF_WORK_AGREED", "CONTRACT_INVOICED", "WON", "LOST"],
            pipeline["stages"]!.AsArray().Select(s => (string)s!["code"]!));
    }
}

public sealed class DefaultClientAndDealConnectionTests(DefaultApi api) : ClientAndDealConnectionTests<DefaultApi>(api), IClassFixture<DefaultApi>;

public sealed class PostgresClientAndDealConnectionTests(PostgresApi api) : ClientAndDealConnectionTests<PostgresApi>(api), IClassFixture<PostgresApi>;
