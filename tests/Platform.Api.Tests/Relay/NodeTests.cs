using Platform.Api.Tests.Infrastructure;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Tests.Relay;

public sealed class NodeTests(DefaultApi api) : IClassFixture<DefaultApi>
{
    [Fact]
    public async Task Node_EveryTypeInTheSchema_ComesBackByItsId()
    {
        var data = await api.QueryAsync("""
            {
              leads(first: 1, filter: { status: [CONVERTED] }) { nodes { id client { id contacts(first: 1) { nodes { id } } } owner { id } activities(first: 1) { nodes { id } } } }
              deals(first: 1) { nodes { id pipeline { id stages { id } } stageChanges(first: 1) { nodes { id } } } }
            }
            """);
        var lead = data["leads"]!["nodes"]![0]!;
        var deal = data["deals"]!["nodes"]![0]!;
        string[] ids =
        [
            (string)lead["id"]!, (string)lead["client"]!["id"]!, (string)lead["client"]!["contacts"]!["nodes"]![0]!["id"]!,
            (string)lead["owner"]!["id"]!, (string)lead["activities"]!["nodes"]![0]!["id"]!,
            (string)deal["id"]!, (string)deal["pipeline"]!["id"]!, (string)deal["pipeline"]!["stages"]![0]!["id"]!,
            (string)deal["stageChanges"]!["nodes"]![0]!["id"]!,
        ];

        api.Sql.Clear();
        var nodes = await api.QueryAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id __typename } }", new { ids });

        var found = nodes["nodes"]!.AsArray().Select(n => (string)n!["id"]!).ToArray();
        Assert.Equal(ids, found);
        Assert.Equal(["Lead", "Client", "Contact", "StaffUser", "Activity", "Deal", "Pipeline", "PipelineStage", "DealStageChange"],
            nodes["nodes"]!.AsArray().Select(n => (string)n!["__typename"]!));
        Assert.Equal(ids.Length, api.Sql.Count); // one batch per type, nine types
    }

    [Fact]
    public async Task Node_ByIdOfALead_ReturnsItsFields()
    {
        var first = await api.QueryAsync("{ leads(first: 1) { nodes { id firstName } } }");
        var id = (string)first["leads"]!["nodes"]![0]!["id"]!;

        var data = await api.QueryAsync("query($id: ID!) { node(id: $id) { ... on Lead { id firstName } } }", new { id });

        Assert.Equal(id, (string)data["node"]!["id"]!);
        Assert.Equal((string)first["leads"]!["nodes"]![0]!["firstName"]!, (string)data["node"]!["firstName"]!);
    }

    [Theory]
    [InlineData("not-an-id")]
    [InlineData("TGVhZDo5OTk5OTk5")] // Lead:9999999, which does not exist
    public async Task Node_UnknownOrMalformedId_IsNull(string id)
    {
        var data = await api.QueryAsync("query($id: ID!) { node(id: $id) { id } }", new { id });
        Assert.Null(data["node"]);
    }

    [Fact]
    public async Task Node_IdOfAnUnknownType_IsNull()
    {
        var data = await api.QueryAsync("query($id: ID!) { node(id: $id) { id } }", new { id = GlobalId.Encode("Secret", 1) });
        Assert.Null(data["node"]);
    }

    [Fact]
    public async Task Nodes_MoreThanOneHundredIds_IsRefused()
    {
        var ids = Enumerable.Range(1, 101).Select(i => GlobalId.Encode("Lead", i)).ToArray();
        var result = await api.PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids });
        Assert.Equal("TOO_MANY_IDS", (string)result["errors"]![0]!["extensions"]!["code"]!);
    }
}
