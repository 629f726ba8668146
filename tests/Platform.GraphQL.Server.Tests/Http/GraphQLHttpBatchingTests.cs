using System.Net;
using System.Text.Json;
using static Platform.GraphQL.Server.Tests.Http.GraphQLHttpTestHost;

namespace Platform.GraphQL.Server.Tests.Http;

public sealed class GraphQLHttpBatchingTests(GraphQLHttpTestHost host) : IClassFixture<GraphQLHttpTestHost>
{
    private const string TwoRequests = """[{"query":"{ hello }"},{"query":"query ($name: String) { hello(name: $name) }","variables":{"name":"Ada"}}]""";

    [Fact]
    public async Task Batch_WhenDisabled_Returns400WithBatchingDisabledCode()
    {
        var response = await host.PostAsync(Default, TwoRequests);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/graphql-response+json", response.MediaType);
        Assert.Equal("BATCHING_DISABLED", response.ErrorCode);
    }

    [Fact]
    public async Task Batch_WhenEnabled_ReturnsArrayOfResultsInOrder()
    {
        var response = await host.PostAsync(Batching, TwoRequests);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphql-response+json", response.MediaType);
        Assert.Equal(JsonValueKind.Array, response.Json.ValueKind);
        Assert.Equal(
            ["Hello, world!", "Hello, Ada!"],
            response.Json.EnumerateArray().Select(r => r.GetProperty("data").GetProperty("hello").GetString()));
    }

    [Fact]
    public async Task Batch_EveryItemWithTheSameStatusError_AnswersThatStatus()
    {
        var response = await host.PostAsync(Batching, """[{"query":"{ unavailable }"},{"query":"{ hello unavailable }"}]""");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TestQuery.RetryAfterSeconds.ToString(), response.Headers.RetryAfter?.ToString());
        Assert.All(response.Json.EnumerateArray(), r => Assert.Equal("SERVICE_UNAVAILABLE", r.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Batch_SomeItemsWithAStatusError_Returns200()
    {
        var response = await host.PostAsync(Batching, """[{"query":"{ hello }"},{"query":"{ unavailable }"}]""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Batch_WithFailingItem_Returns200WithErrorsInThatItem()
    {
        var response = await host.PostAsync(Batching, """[{"query":"{ hello }"},{"query":"{"}]""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = response.Json.EnumerateArray().ToArray();
        Assert.Equal("Hello, world!", results[0].GetProperty("data").GetProperty("hello").GetString());
        Assert.Equal("SYNTAX_ERROR", GraphQLHttpResponse.ErrorAt(results[1], 0).GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Batch_ItemWithoutQuery_Returns400WithMissingQueryCode()
    {
        var response = await host.PostAsync(Batching, """[{"query":"{ hello }"},{"variables":{}}]""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("MISSING_QUERY", response.ErrorCode);
        Assert.StartsWith("Batch item 1", response.ErrorMessage);
    }

    [Fact]
    public async Task Batch_Empty_Returns400WithInvalidRequestCode()
    {
        var response = await host.PostAsync(Batching, "[]");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_REQUEST", response.ErrorCode);
    }
}
