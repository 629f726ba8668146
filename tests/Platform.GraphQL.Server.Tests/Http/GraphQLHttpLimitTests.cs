using System.Net;
using System.Text;
using static Platform.GraphQL.Server.Tests.Http.GraphQLHttpTestHost;

namespace Platform.GraphQL.Server.Tests.Http;

public sealed class GraphQLHttpLimitTests(GraphQLHttpTestHost host) : IClassFixture<GraphQLHttpTestHost>
{
    [Fact]
    public async Task Post_BodyOverLimit_Returns413WithRequestTooLargeCode()
    {
        var response = await host.PostAsync(Small, BodyOfLength(SmallLimit + 1));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/graphql-response+json", response.MediaType);
        Assert.Equal("REQUEST_TOO_LARGE", response.ErrorCode);
    }

    [Fact]
    public async Task Post_ChunkedBodyOverLimit_Returns413WithRequestTooLargeCode()
    {
        using var content = new ChunkedContent(Encoding.UTF8.GetBytes(BodyOfLength(SmallLimit * 4)));

        var response = await host.SendAsync(HttpMethod.Post, Small, accept: null, content, "application/json");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("REQUEST_TOO_LARGE", response.ErrorCode);
    }

    [Fact]
    public async Task Post_BodyAtLimit_IsExecuted()
    {
        var response = await host.PostAsync(Small, BodyOfLength(SmallLimit));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hello, world!", response.Json.GetProperty("data").GetProperty("hello").GetString());
    }

    [Fact]
    public async Task Post_ChunkedBodyWithinLimit_IsExecuted()
    {
        using var content = new ChunkedContent(Encoding.UTF8.GetBytes(BodyOfLength(SmallLimit)));

        var response = await host.SendAsync(HttpMethod.Post, Small, accept: null, content, "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_LargeBodyUnderDefaultLimit_IsExecuted()
    {
        // Bigger than the reader's first buffer, so it has to grow while reading.
        var response = await host.PostAsync(Default, BodyOfLength(100_000));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A valid request padded with spaces to exactly <paramref name="length"/> bytes.</summary>
    private static string BodyOfLength(int length)
    {
        const string request = """{"query":"{ hello }"}""";
        return request + new string(' ', length - request.Length);
    }

    /// <summary>Content without a length, so it is sent chunked and the server cannot trust Content-Length.</summary>
    private sealed class ChunkedContent(byte[] bytes) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            foreach (var chunk in bytes.Chunk(64))
                await stream.WriteAsync(chunk);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
