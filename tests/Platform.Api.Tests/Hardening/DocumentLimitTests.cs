using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Api.Tests.Infrastructure;
using Platform.GraphQL.Server.Limits;

namespace Platform.Api.Tests.Hardening;

/// <summary>
/// Each document limit at its boundary: a document at the limit runs, one over is refused with HTTP 400 and the limit's
/// own code, whichever JSON media type the client reads, and nothing runs.
/// </summary>
public sealed class DocumentLimitTests(DefaultApi api) : IClassFixture<DefaultApi>
{
    private const string GraphQLResponseJson = "application/graphql-response+json";

    /// <summary><c>{ __typename }</c> (three tokens) followed by comment lines, one token each, to <paramref name="tokens"/> tokens.</summary>
    private static string WithTokens(int tokens) => "{ __typename }" + string.Concat(Enumerable.Repeat("\n#", tokens - 3));

    /// <summary>Leads, nodes and <paramref name="ids"/> times <c>id</c> (each one selection), with <paramref name="directive"/> on each id.</summary>
    private static string LeadIds(int ids, string directive = "") =>
        "{ leads(first: 1) { nodes { " + string.Join(" ", Enumerable.Repeat("id" + directive, ids)) + " } } }";

    /// <summary>A query <paramref name="depth"/> fields deep: leads, nodes, then client, deals, nodes, lead… and <c>__typename</c>.</summary>
    private static string Deep(int depth)
    {
        string[] cycle = ["client {", "deals(first: 1) {", "nodes {", "lead {"];
        var opened = new[] { "leads(first: 1) {", "nodes {" }.Concat(Enumerable.Range(0, depth - 3).Select(i => cycle[i % 4])).ToList();
        return "{ " + string.Join(" ", opened) + " __typename " + new string('}', opened.Count) + " }";
    }

    [Fact]
    public async Task Tokens_AtTheLimitRun_OneMoreIsRefused()
    {
        Assert.Null((await SendAsync(WithTokens(15_000))).Json["errors"]);
        await AssertRefusedAsync(WithTokens(15_001), "TOO_MANY_TOKENS");
    }

    [Fact]
    public async Task Directives_AtTheLimitRun_OneMoreIsRefused()
    {
        Assert.Null((await SendAsync(LeadIds(50, " @include(if: true)"))).Json["errors"]);
        await AssertRefusedAsync(LeadIds(51, " @include(if: true)"), "TOO_MANY_DIRECTIVES");
    }

    [Fact]
    public async Task TenThousandDirectivesOnOneField_AreOneRefusal()
    {
        var query = "{ leads(first: 1) { nodes { id" + string.Concat(Enumerable.Repeat(" @include(if: true)", 10_000)) + " } } }";

        var response = await AssertRefusedAsync(query, "TOO_MANY_DIRECTIVES");

        Assert.Single(response.Json["errors"]!.AsArray());
    }

    [Fact]
    public async Task Selections_AtTheLimitRun_OneMoreIsRefused()
    {
        // leads and nodes are two of the selections.
        var limit = new RequestLimits().MaxSelections;
        Assert.Null((await SendAsync(LeadIds(limit - 2))).Json["errors"]);
        await AssertRefusedAsync(LeadIds(limit - 1), "TOO_MANY_SELECTIONS");
    }

    [Fact]
    public async Task Depth_AtTheLimitRuns_OneMoreIsRefused()
    {
        Assert.Null((await SendAsync(Deep(12))).Json["errors"]);
        await AssertRefusedAsync(Deep(13), "MAX_DEPTH_EXCEEDED");
    }

    [Fact]
    public async Task DepthThroughFragments_IsCounted()
    {
        // Each fragment adds four levels; none is deep by itself, and there is no cycle.
        var fragments = string.Concat(Enumerable.Range(1, 4).Select(i =>
            $" fragment F{i} on Lead {{ client {{ deals(first: 1) {{ nodes {{ lead {{ {(i < 4 ? $"...F{i + 1}" : "id")} }} }} }} }} }}"));

        await AssertRefusedAsync("{ leads(first: 1) { nodes { ...F1 } } }" + fragments, "MAX_DEPTH_EXCEEDED");
    }

    [Fact]
    public async Task ListLiteralsNestedPastTheParserLimit_AreRefusedAsTooDeep()
    {
        var query = "{ leads(first: 1, filter: " + new string('[', 200) + new string(']', 200) + ") { totalCount } }";

        await AssertRefusedAsync(query, "MAX_DEPTH_EXCEEDED");
    }

    [Fact]
    public async Task Errors_UpToTheLimitAreAllReported_MoreEndInOneTooManyErrors()
    {
        static string UnknownFields(int count) =>
            "{ leads(first: 1) { nodes { " + string.Join(" ", Enumerable.Range(0, count).Select(i => $"unknown{i}")) + " } } }";

        var atLimit = (await SendAsync(UnknownFields(100))).Json["errors"]!.AsArray();
        Assert.Equal(100, atLimit.Count);
        Assert.All(atLimit, error => Assert.NotEqual("TOO_MANY_ERRORS", (string?)error!["extensions"]?["code"]));

        var over = await SendAsync(UnknownFields(101));
        Assert.Equal(HttpStatusCode.BadRequest, over.Status);
        var errors = over.Json["errors"]!.AsArray();
        Assert.Equal(101, errors.Count);
        Assert.Contains("unknown99", (string)errors[99]!["message"]!);
        Assert.Equal("TOO_MANY_ERRORS", (string?)errors[100]!["extensions"]!["code"]);
    }

    [Theory]
    [InlineData(null, "application/json")]
    [InlineData("*/*", "application/json")]
    [InlineData("application/json", "application/json")]
    [InlineData(GraphQLResponseJson, GraphQLResponseJson)]
    public async Task Refusals_Are400InEitherMediaType(string? accept, string mediaType)
    {
        var response = await SendAsync(WithTokens(15_001), accept);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(mediaType, response.MediaType);
        Assert.Equal("TOO_MANY_TOKENS", (string?)response.Json["errors"]![0]!["extensions"]!["code"]);
    }

    private async Task<Response> AssertRefusedAsync(string query, string code)
    {
        api.Sql.Clear();
        var response = await SendAsync(query);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(code, (string?)response.Json["errors"]?[0]?["extensions"]?["code"]);
        Assert.Null(response.Json["data"]);
        Assert.Empty(api.Sql.Statements);
        return response;
    }

    private async Task<Response> SendAsync(string query, string? accept = GraphQLResponseJson)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        if (accept is not null)
            request.Headers.Accept.ParseAdd(accept);
        using var response = await api.Client.SendAsync(request);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        return new Response(response.StatusCode, response.Content.Headers.ContentType?.MediaType, json);
    }

    private sealed record Response(HttpStatusCode Status, string? MediaType, JsonObject Json);
}
