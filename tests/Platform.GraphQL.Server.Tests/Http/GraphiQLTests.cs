using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Platform.Testing;
using static Platform.GraphQL.Server.Tests.Http.GraphQLHttpTestHost;

namespace Platform.GraphQL.Server.Tests.Http;

public sealed partial class GraphiQLTests(GraphQLHttpTestHost host) : IClassFixture<GraphQLHttpTestHost>
{
    // What a browser sends when navigating to the URL.
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    [Fact]
    public async Task GraphiQL_GetAcceptingHtml_ReturnsIdePage()
    {
        var response = await host.GetAsync(Default, BrowserAccept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.MediaType);
        Assert.Contains("<title>Platform GraphQL</title>", response.Text);
        Assert.Contains("data-endpoint=\"/graphql\"", response.Text);
        Assert.DoesNotContain("https://", response.Text);
    }

    [Fact]
    public async Task GraphiQL_PageAssets_AreAllServedByTheHost()
    {
        var page = await host.GetAsync(Default, BrowserAccept);
        var urls = AssetUrl().Matches(page.Text).Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value)).ToArray();

        Assert.Equal(5, urls.Length);
        foreach (var url in urls)
        {
            Assert.StartsWith("/graphql/graphiql/", url);
            var asset = await host.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        }
    }

    [Theory]
    [InlineData("graphiql.min.js", "text/javascript", "GraphiQL")]
    [InlineData("graphiql.min.css", "text/css", ".graphiql-container")]
    [InlineData("react.production.min.js", "text/javascript", "React")]
    [InlineData("react-dom.production.min.js", "text/javascript", "ReactDOM")]
    [InlineData("graphiql-init.js", "text/javascript", "createFetcher")]
    public async Task GraphiQL_Asset_IsServedWithContentTypeAndLongCache(string file, string mediaType, string marker)
    {
        var response = await host.GetAsync($"{Default}/graphiql/{file}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.MediaType);
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
        Assert.True(response.Headers.CacheControl?.Public);
        Assert.Contains(marker, response.Text);
    }

    [Fact]
    public async Task GraphiQL_ServedThirdPartyFiles_MatchTheCommittedChecksums()
    {
        var sums = await File.ReadAllLinesAsync(RepositoryFiles.PathOf("src", "Platform.GraphQL.Server", "GraphiQL", "assets", "SHA256SUMS"));

        Assert.Equal(4, sums.Length);
        foreach (var line in sums)
        {
            var (expected, file) = (line[..64], line[66..]);
            var served = await host.Client.GetByteArrayAsync($"{Default}/graphiql/{file}");
            Assert.Equal(expected, Convert.ToHexStringLower(SHA256.HashData(served)));
        }
    }

    [Fact]
    public async Task GraphiQL_WithServedSchema_PointsTheIdeAtTheSchemaItServesWithoutAToken()
    {
        var page = await host.GetAsync(ServedSchema, BrowserAccept);
        var schema = await host.GetAsync($"{ServedSchema}/graphiql/schema.json", accept: null);

        Assert.Contains($"data-schema=\"{ServedSchema}/graphiql/schema.json\"", page.Text);
        Assert.Equal(HttpStatusCode.OK, schema.StatusCode);
        Assert.Equal("application/json", schema.MediaType);
        var types = schema.Json.GetProperty("data").GetProperty("__schema").GetProperty("types").EnumerateArray();
        Assert.Contains(types, type => type.GetProperty("name").GetString() == "Query");
    }

    [Fact]
    public async Task GraphiQL_ByDefault_ServesNoSchemaAndTheIdeIntrospects()
    {
        var page = await host.GetAsync(Default, BrowserAccept);
        var schema = await host.GetAsync($"{Default}/graphiql/schema.json", accept: null);

        Assert.DoesNotContain("data-schema", page.Text);
        Assert.Equal(HttpStatusCode.NotFound, schema.StatusCode);
    }

    [Fact]
    public async Task GraphiQL_UnknownAsset_Returns404()
    {
        var response = await host.GetAsync($"{Default}/graphiql/secrets.json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GraphiQL_ApiClientAcceptingAnything_GetsJsonNotThePage()
    {
        var response = await host.GetAsync(Default, "*/*");

        Assert.Equal("application/json", response.MediaType);
        Assert.Equal("MISSING_QUERY", response.ErrorCode);
    }

    [Fact]
    public async Task GraphiQL_Disabled_ServesNoPageAndNoAssets()
    {
        var page = await host.GetAsync(WithoutGraphiQL, BrowserAccept);
        var asset = await host.GetAsync($"{WithoutGraphiQL}/graphiql/graphiql.min.js");

        Assert.Equal("application/json", page.MediaType);
        Assert.Equal("MISSING_QUERY", page.ErrorCode);
        Assert.Equal(HttpStatusCode.NotFound, asset.StatusCode);
    }


    [GeneratedRegex("""(?:src|href)="(?<url>[^"]+)""")]
    private static partial Regex AssetUrl();
}
