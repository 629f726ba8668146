using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Hardening;

/// <summary>Hostile requests get a specific refusal, run nothing, and the server keeps serving (their timings: the hostile-documents probe).</summary>
public sealed class RequestLimitTests(DefaultApi api) : IClassFixture<DefaultApi>
{
    [Fact]
    public async Task DepthBomb_IsRefused()
    {
        var query = "{ leads(first: 1) { nodes { " + string.Concat(Enumerable.Repeat("client { deals(first: 1) { nodes { lead { ", 8)) + "id" + new string('}', 8 * 4) + " } } }";
        await AssertRefusedAsync(query, "MAX_DEPTH_EXCEEDED");
    }

    [Fact]
    public async Task ParserDepthBomb_IsRefused()
    {
        var query = "{ " + string.Concat(Enumerable.Repeat("leads { nodes { ", 2_000)) + new string('}', 4_000) + " }";
        await AssertRefusedAsync(query, "MAX_DEPTH_EXCEEDED", noSql: true);
    }

    [Fact]
    public async Task Aliases_AtTheLimitRun_OneMoreIsRefused()
    {
        static string Aliases(int count) => "{ leads(first: 1) { nodes { " + string.Join(" ", Enumerable.Range(0, count).Select(i => $"a{i}: id")) + " } } }";
        Assert.Null((await api.PostAsync(Aliases(30)))["errors"]);
        await AssertRefusedAsync(Aliases(31), "TOO_MANY_ALIASES");
    }

    [Fact]
    public async Task TooManyRootFields_AreRefused()
    {
        var query = "{ " + string.Join(" ", Enumerable.Range(0, 25).Select(_ => "__typename")) + " }";
        await AssertRefusedAsync(query, "TOO_MANY_ROOT_FIELDS");
    }

    [Fact]
    public async Task OverBudgetQuery_IsRefusedBeforeAnySql()
    {
        await AssertRefusedAsync("{ leads(first: 100) { nodes { activities(first: 100) { nodes { id type occurredAt direction } } } } }", "COST_LIMIT_EXCEEDED",
            noSql: true);
    }

    [Fact]
    public async Task TenMegabyteBody_Is413()
    {
        using var content = new StringContent("{\"query\":\"" + new string(' ', 10 * 1024 * 1024) + "{ __typename }\"}", Encoding.UTF8, "application/json");
        api.Sql.Clear();
        using var response = await api.Client.PostAsync("/graphql", content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(api.Sql.Statements);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task Cost_IsReportedInExtensions()
    {
        var result = await api.PostAsync("{ leads(first: 10) { nodes { id owner { name } } } }");

        // leads 1, then 10 for each field inside the page: nodes, id, owner, name
        Assert.Equal(41, (int)result["extensions"]!["cost"]!["requested"]!);
        Assert.NotNull(result["extensions"]!["cost"]!["limit"]);
    }

    private async Task AssertRefusedAsync(string query, string code, bool noSql = false)
    {
        api.Sql.Clear();
        var result = await api.PostAsync(query);
        if (noSql)
            Assert.Empty(api.Sql.Statements);
        Assert.Equal(code, (string?)result["errors"]?[0]?["extensions"]?["code"]);
        Assert.Null(result["data"]);
        await AssertStillServingAsync();
    }

    private async Task AssertStillServingAsync()
    {
        var data = await api.QueryAsync("{ leads(first: 1) { totalCount } }");
        Assert.True((int)data["leads"]!["totalCount"]! > 0);
    }
}
