using System.Text.Json.Nodes;
using Platform.Api.Tests.Infrastructure;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Tests.Leads;

public abstract class SetLeadTemperatureTests<THost>(THost api) where THost : ApiHost
{
    private const string Mutation = """
        mutation($input: SetLeadTemperatureInput!) {
          setLeadTemperature(input: $input) {
            lead { id temperature version }
            errors { __typename ... on Error { message code } ... on ConflictError { currentVersion } ... on NotFoundError { id } }
          }
        }
        """;

    private async Task<(string Id, int Version, string Temperature)> AnyLeadAsync()
    {
        var data = await api.QueryAsync("{ leads(first: 1, filter: { status: [NEW] }) { nodes { id version temperature } } }");
        var lead = data["leads"]!["nodes"]![0]!;
        return ((string)lead["id"]!, (int)lead["version"]!, (string)lead["temperature"]!);
    }

    private async Task<JsonNode> SetAsync(object input) => (await api.QueryAsync(Mutation, new { input }))["setLeadTemperature"]!;

    [Fact]
    public async Task SetLeadTemperature_AtTheCurrentVersion_ChangesItAndBumpsTheVersion()
    {
        var (id, version, temperature) = await AnyLeadAsync();
        var target = temperature == "HOT" ? "COLD" : "HOT";

        var payload = await SetAsync(new { leadId = id, temperature = target, expectedVersion = version });

        Assert.Empty(payload["errors"]!.AsArray());
        Assert.Equal(target, (string)payload["lead"]!["temperature"]!);
        Assert.Equal(version + 1, (int)payload["lead"]!["version"]!);
    }

    [Fact]
    public async Task SetLeadTemperature_AtAStaleVersion_IsAConflictAndChangesNothing()
    {
        var (id, version, temperature) = await AnyLeadAsync();
        // Someone else saves twice meanwhile (each a real change, so each bumps the version).
        await SetAsync(new { leadId = id, temperature = temperature == "HOT" ? "COLD" : "HOT" });
        await SetAsync(new { leadId = id, temperature = "WARM" });

        var payload = await SetAsync(new { leadId = id, temperature = "COLD", expectedVersion = version });

        var error = payload["errors"]![0]!;
        Assert.Equal("CONFLICT", (string)error["code"]!);
        Assert.Equal(version + 2, (int)error["currentVersion"]!);
        Assert.Null(payload["lead"]);
        var now = await api.QueryAsync("query($id: ID!) { node(id: $id) { ... on Lead { temperature version } } }", new { id });
        Assert.Equal("WARM", (string)now["node"]!["temperature"]!);
        Assert.Equal(version + 2, (int)now["node"]!["version"]!);
    }

    [Fact]
    public async Task SetLeadTemperature_UnknownLead_IsNotFound()
    {
        var id = GlobalId.Encode("Lead", 987654321);
        var payload = await SetAsync(new { leadId = id, temperature = "HOT" });
        Assert.Equal("NOT_FOUND", (string)payload["errors"]![0]!["code"]!);
        Assert.Equal(id, (string)payload["errors"]![0]!["id"]!);
    }

    [Fact]
    public async Task SetLeadTemperature_IdOfAnotherType_IsAnInvalidIdError()
    {
        var result = await api.PostAsync(Mutation, new { input = new { leadId = GlobalId.Encode("Client", 1), temperature = "HOT" } });
        Assert.Equal("INVALID_ID", (string)result["errors"]![0]!["extensions"]!["code"]!);
    }
}

public sealed class DefaultSetLeadTemperatureTests(DefaultApi api) : SetLeadTemperatureTests<DefaultApi>(api), IClassFixture<DefaultApi>;

public sealed class PostgresSetLeadTemperatureTests(PostgresApi api) : SetLeadTemperatureTests<PostgresApi>(api), IClassFixture<PostgresApi>;
