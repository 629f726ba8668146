using System.Net;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Http;

/// <summary>The product's /graphql endpoint as clients meet it (the transport itself is tested in Platform.GraphQL.Server.Tests).</summary>
public sealed class EndpointTests(DefaultApi api) : IClassFixture<DefaultApi>
{
    [Fact]
    public async Task Get_QueryInTheUrl_IsAnswered()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ pipelines { name isDefault } }"));
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var response = await api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphql-response+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"isDefault\":true", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_FromABrowser_OutsideDevelopment_GetsNoGraphiQL()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");
        using var response = await api.Client.SendAsync(request);

        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Platform GraphQL", await response.Content.ReadAsStringAsync());
        using var root = await api.Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.NotFound, root.StatusCode);
    }

    [Fact]
    public async Task Post_UnknownField_Is400WithValidationError()
    {
        var result = await api.PostAsync("{ secrets }");
        Assert.Contains("secrets", (string)result["errors"]![0]!["message"]!);
        Assert.Null(result["data"]);
    }

}

/// <summary>GraphiQL is served in Development only, unless <c>GraphQL:EnableGraphiQL</c> says otherwise.</summary>
public sealed class GraphiQLTests(DevelopmentApi api) : IClassFixture<DevelopmentApi>
{
    [Fact]
    public async Task Get_FromABrowser_InDevelopment_ServesGraphiQL()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");
        using var response = await api.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Platform GraphQL", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Root_InDevelopment_RedirectsToGraphiQL()
    {
        using var response = await api.Anonymous.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/graphql", response.Headers.Location?.ToString());
    }
}
