using System.Net;
using System.Net.Http.Headers;
using static Platform.GraphQL.Server.Tests.Http.GraphQLHttpTestHost;

namespace Platform.GraphQL.Server.Tests.Http;

/// <summary>With <c>GetCacheControl</c> set, successful GET answers carry an ETag and Cache-Control and revalidate with 304.</summary>
public sealed class GraphQLHttpCachingTests(GraphQLHttpTestHost host) : IClassFixture<GraphQLHttpTestHost>
{
    private static readonly string Hello = Query(Cached, ("query", "{ hello }"));

    private Task<HttpResponseMessage> GetAsync(string pathAndQuery, EntityTagHeaderValue? held = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (held is not null)
            request.Headers.IfNoneMatch.Add(held);
        return host.Client.SendAsync(request);
    }

    [Fact]
    public async Task Get_Success_HasETagAndCacheControl()
    {
        using var first = await GetAsync(Hello);
        using var second = await GetAsync(Hello);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(first.Headers.ETag);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(CacheControlHeaderValue.Parse(CacheControl), first.Headers.CacheControl);
        Assert.Contains("Hello, world!", await first.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_MatchingIfNoneMatch_Is304WithoutBody()
    {
        using var first = await GetAsync(Hello);

        using var revalidated = await GetAsync(Hello, first.Headers.ETag);

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Get_OtherResult_HasOtherETag()
    {
        using var first = await GetAsync(Hello);

        using var other = await GetAsync(Query(Cached, ("query", "query ($name: String) { hello(name: $name) }"), ("variables", """{"name":"Ada"}""")), first.Headers.ETag);

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.NotEqual(first.Headers.ETag, other.Headers.ETag);
    }

    [Fact]
    public async Task Errors_AndTheDefaultEndpoint_AreNotCached()
    {
        using var failed = await GetAsync(Query(Cached, ("query", "{ nope }")));
        using var uncached = await GetAsync(Query(Default, ("query", "{ hello }")));

        Assert.Null(failed.Headers.ETag);
        Assert.Null(failed.Headers.CacheControl);
        Assert.Null(uncached.Headers.ETag);
    }
}
