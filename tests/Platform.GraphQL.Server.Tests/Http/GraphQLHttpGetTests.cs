using System.Net;
using static Platform.GraphQL.Server.Tests.Http.GraphQLHttpTestHost;

namespace Platform.GraphQL.Server.Tests.Http;

public sealed class GraphQLHttpGetTests(GraphQLHttpTestHost host) : IClassFixture<GraphQLHttpTestHost>
{
    [Fact]
    public async Task Get_Query_Returns200WithData()
    {
        var response = await host.GetAsync(Query(Default, ("query", "{ hello }")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphql-response+json", response.MediaType);
        Assert.Equal("Hello, world!", response.Json.GetProperty("data").GetProperty("hello").GetString());
    }

    [Fact]
    public async Task Get_JsonEncodedVariables_AreUsed()
    {
        var response = await host.GetAsync(Query(Default,
            ("query", "query ($name: String) { hello(name: $name) }"), ("variables", """{"name":"Ada"}""")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hello, Ada!", response.Json.GetProperty("data").GetProperty("hello").GetString());
    }

    [Fact]
    public async Task Get_Mutation_Returns405WithAllowPost()
    {
        var response = await host.GetAsync(Query(Default, ("query", """mutation { echo(text: "hi") }""")));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.ContentHeaders.Allow);
        Assert.Equal("METHOD_NOT_ALLOWED", response.ErrorCode);
        Assert.False(response.Json.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task Get_MutationAcceptingJson_Returns405()
    {
        // Unlike request errors, the 405 holds for the legacy media type as well: the spec says MUST.
        var response = await host.GetAsync(Query(Default, ("query", """mutation { echo(text: "hi") }""")), accept: "application/json");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/json", response.MediaType);
        Assert.Equal("METHOD_NOT_ALLOWED", response.ErrorCode);
    }

    [Fact]
    public async Task Get_OperationNameSelectingQuery_RunsDespiteMutationInDocument()
    {
        var document = """query Read { hello } mutation Write { echo(text: "hi") }""";

        var response = await host.GetAsync(Query(Default, ("query", document), ("operationName", "Read")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hello, world!", response.Json.GetProperty("data").GetProperty("hello").GetString());
    }

    [Fact]
    public async Task Get_OperationNameSelectingMutation_Returns405()
    {
        var document = """query Read { hello } mutation Write { echo(text: "hi") }""";

        var response = await host.GetAsync(Query(Default, ("query", document), ("operationName", "Write")));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("METHOD_NOT_ALLOWED", response.ErrorCode);
    }

    [Fact]
    public async Task Get_MissingQuery_Returns400WithMissingQueryCode()
    {
        var response = await host.GetAsync(Default);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/graphql-response+json", response.MediaType);
        Assert.Equal("MISSING_QUERY", response.ErrorCode);
    }

    [Fact]
    public async Task Get_VariablesNotJson_Returns400WithInvalidVariablesCode()
    {
        var response = await host.GetAsync(Query(Default, ("query", "{ hello }"), ("variables", "{name:")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_VARIABLES", response.ErrorCode);
    }

    [Fact]
    public async Task Get_VariablesNotAnObject_Returns400WithInvalidVariablesCode()
    {
        var response = await host.GetAsync(Query(Default, ("query", "{ hello }"), ("variables", "[1,2]")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_VARIABLES", response.ErrorCode);
    }

    [Fact]
    public async Task Get_RepeatedParameter_Returns400WithInvalidRequestCode()
    {
        var response = await host.GetAsync(Query(Default, ("query", "{ hello }"), ("query", "{ me }")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_REQUEST", response.ErrorCode);
    }

    [Fact]
    public async Task Get_Response_VariesOnAccept()
    {
        var response = await host.GetAsync(Query(Default, ("query", "{ hello }")));

        Assert.Contains("Accept", response.Headers.Vary);
    }
}
