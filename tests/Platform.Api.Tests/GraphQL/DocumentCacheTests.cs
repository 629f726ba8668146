using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Infrastructure;
using Platform.DemoData;
using Platform.GraphQL.Server.Documents;
using GraphQLConfigureExecution = GraphQL.DI.IConfigureExecution;

namespace Platform.Api.Tests.GraphQL;

/// <summary>
/// A document seen before is served from the validated-document cache, and everything that depends on the caller or
/// the variables still applies to it: authorization, partner scope, variable checks and the cost limit.
/// </summary>
public sealed class DocumentCacheTests(DefaultApi api) : IClassFixture<DefaultApi>
{
    private ValidatedDocumentCache Cache => api.Services.GetServices<GraphQLConfigureExecution>().OfType<ValidatedDocumentCache>().Single();

    /// <summary>A document text no other test sends, so its first use is a cache miss.</summary>
    private static string Unique(string body) => $"# {Guid.NewGuid():N}\n{body}";

    [Fact]
    public async Task AValidDocument_IsCachedOnce_AndServedAgain()
    {
        var query = Unique("query($first: Int!) { leads(first: $first) { nodes { id } } }");
        var before = Cache.Count;

        var first = await api.PostAsync(query, new { first = 2 });
        var second = await api.PostAsync(query, new { first = 3 });

        Assert.Null(first["errors"]);
        Assert.Equal(3, second["data"]!["leads"]!["nodes"]!.AsArray().Count); // new variables, same cached document
        Assert.Equal(before + 1, Cache.Count);
    }

    [Fact]
    public async Task ACachedDocument_IsStillDeniedToACallerWithoutAccess()
    {
        var query = Unique("{ leads(first: 1) { nodes { id } } }");
        Assert.Null((await api.PostAsync(query))["errors"]);

        var anonymous = await api.PostAsync(api.Anonymous, query);
        var landing = await api.PostAsync(await api.ClientForAsync(DemoClients.Landing), query);

        Assert.Equal("AUTH_NOT_AUTHENTICATED", (string?)anonymous["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal("ACCESS_DENIED", (string?)landing["errors"]![0]!["extensions"]!["code"]);
        Assert.Null(landing["data"]);
    }

    [Fact]
    public async Task ACachedDocument_StillChecksItsVariables_AndTheCostLimit()
    {
        var query = Unique("query($first: Int!) { leads(first: $first) { nodes { id activities(first: $first) { nodes { id } } } } }");
        Assert.Null((await api.PostAsync(query, new { first = 1 }))["errors"]);

        var badVariable = await api.PostAsync(query, new { first = "many" });
        var tooBig = await api.PostAsync(query, new { first = 1000 });

        Assert.Contains("first", badVariable["errors"]![0]!["message"]!.ToString());
        Assert.Null(badVariable["data"]);
        Assert.NotNull(tooBig["errors"]);
        Assert.Null(tooBig["data"]);
    }

    [Fact]
    public async Task AnInvalidDocument_IsNeverCached()
    {
        var query = Unique("{ leads(first: 1) { nodes { noSuchField } } }");
        var before = Cache.Count;

        Assert.NotNull((await api.PostAsync(query))["errors"]);
        Assert.NotNull((await api.PostAsync(query))["errors"]);

        Assert.Equal(before, Cache.Count);
    }
}
