using System.Net;
using static Platform.GraphQL.Server.Tests.Http.GraphQLHttpTestHost;

namespace Platform.GraphQL.Server.Tests.Http;

public sealed class GraphQLHttpNegotiationTests(GraphQLHttpTestHost host) : IClassFixture<GraphQLHttpTestHost>
{
    private const string Body = """{"query":"{ hello }"}""";

    [Theory]
    [InlineData(null, "application/json")]
    [InlineData("*/*", "application/json")]
    [InlineData("application/*", "application/json")]
    [InlineData("application/graphql-response+json, */*", "application/graphql-response+json")]
    [InlineData("application/json, application/*", "application/json")]
    [InlineData("application/graphql-response+json", "application/graphql-response+json")]
    [InlineData("application/json", "application/json")]
    [InlineData("application/graphql-response+json; charset=utf-8, application/json; charset=utf-8", "application/graphql-response+json")]
    [InlineData("application/graphql-response+json;q=0.5, application/json", "application/json")]
    [InlineData("application/json, */*;q=0.1", "application/json")]
    [InlineData("text/plain, application/json;q=0.2", "application/json")]
    public async Task Accept_SelectsResponseMediaType(string? accept, string expected)
    {
        var response = await host.PostAsync(Default, Body, accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.MediaType);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/json;q=0, application/graphql-response+json;q=0")]
    public async Task Accept_NeitherJsonType_Returns406WithNotAcceptableCode(string accept)
    {
        var response = await host.PostAsync(Default, Body, accept);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("application/json", response.MediaType);
        Assert.Equal("NOT_ACCEPTABLE", response.ErrorCode);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Method_OtherThanGetOrPost_Returns405WithAllowGetPost(string method)
    {
        var response = await host.SendAsync(new HttpMethod(method), Default, accept: null, new StringContent(Body), "application/json");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "POST"], response.ContentHeaders.Allow);
        Assert.Equal("METHOD_NOT_ALLOWED", response.ErrorCode);
    }
}
