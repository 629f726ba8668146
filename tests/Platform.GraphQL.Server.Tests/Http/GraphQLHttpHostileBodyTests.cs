using System.Net;
using System.Text;
using static Platform.GraphQL.Server.Tests.Http.GraphQLHttpTestHost;

namespace Platform.GraphQL.Server.Tests.Http;

/// <summary>Bodies no honest client sends: each is a 400 with a code that names the problem, never a fault.</summary>
public sealed class GraphQLHttpHostileBodyTests(GraphQLHttpTestHost host) : IClassFixture<GraphQLHttpTestHost>
{
    private const string Echo = "query ($name: String) { hello(name: $name) }";

    private static string Nested(int depth, string open = "[", string close = "]") =>
        string.Concat(Enumerable.Repeat(open, depth)) + string.Concat(Enumerable.Repeat(close, depth));

    /// <summary>A body echoing the variable <c>name</c>, given as raw JSON text.</summary>
    private static string EchoWith(string nameJson) => "{\"query\":\"" + Echo + "\",\"variables\":{\"name\":" + nameJson;

    private Task<GraphQLHttpResponse> PostBytesAsync(byte[] body) =>
        host.SendAsync(HttpMethod.Post, Default, accept: null, new ByteArrayContent(body), "application/json");

    private static void AssertRefused(GraphQLHttpResponse response, string code)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, response.ErrorCode);
        Assert.False(response.Json.TryGetProperty("data", out _));
    }

    [Theory]
    [InlineData("query")]
    [InlineData("variables")]
    public async Task Post_InvalidUtf8_Returns400WithInvalidJsonCode(string where)
    {
        var (before, after) = where == "query"
            ? ("{\"query\":\"{ hello(name: \\\"", "\\\") }\"}")
            : (EchoWith("\""), "\"}}");
        // 0xC3 0x28: a two-byte sequence whose second byte is no continuation byte.
        byte[] body = [.. Encoding.UTF8.GetBytes(before), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(after)];

        var response = await PostBytesAsync(body);

        AssertRefused(response, "INVALID_JSON");
        Assert.Contains("UTF-8", response.ErrorMessage);
    }

    [Theory]
    [InlineData("""{"query":"{ hello(name: \"\ud800\") }"}""")]
    [InlineData("""{"query":"query ($name: String) { hello(name: $name) }","variables":{"name":"\ud800"}}""")]
    [InlineData("""{"query":"{ hello }","variables":{"\udc00":1}}""")]
    [InlineData("""{"query":"{ hello }","operationName":"a\udfffb"}""")]
    [InlineData("""{"query":"{ hello }","extensions":{"x":["\ud83d"]}}""")]
    public async Task Post_UnpairedSurrogateEscape_Returns400WithInvalidJsonCode(string json)
    {
        var response = await host.PostAsync(Default, json);

        AssertRefused(response, "INVALID_JSON");
        Assert.Contains("surrogate", response.ErrorMessage);
    }

    [Fact]
    public async Task Post_PairedSurrogateEscape_IsText()
    {
        var response = await host.PostAsync(Default, EchoWith("\"\\ud83d\\ude00\"}}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hello, \U0001F600!", response.Json.GetProperty("data").GetProperty("hello").GetString());
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{a:", "}")]
    public async Task Post_LiteralNested500Deep_Returns400WithMaxDepthExceededCode(string open, string close)
    {
        var literal = Nested(500, open, close).Replace("{a:}", "{a:1}");

        var response = await host.PostAsync(Default, "{\"query\":\"{ hello(name: " + literal + ") }\"}");

        AssertRefused(response, "MAX_DEPTH_EXCEEDED");
    }

    [Fact]
    public async Task Post_VariablesNested500Deep_Returns400WithMaxDepthExceededCode()
    {
        var response = await host.PostAsync(Default, EchoWith(Nested(500) + "}}"));

        AssertRefused(response, "MAX_DEPTH_EXCEEDED");
    }

    [Fact]
    public async Task Post_VariablesAtTheDepthLimit_AreReadAndCoerced()
    {
        // The body object is one level, "variables" a second: 62 arrays reach the limit of 64 exactly.
        var response = await host.PostAsync(Default, EchoWith(Nested(62) + "}}"));

        AssertRefused(response, "INVALID_VALUE"); // a list is no String: refused by coercion, not by the transport
    }

    [Fact]
    public async Task Post_VariablesOneOverTheDepthLimit_Returns400WithMaxDepthExceededCode()
    {
        var response = await host.PostAsync(Default, EchoWith(Nested(63) + "}}"));

        AssertRefused(response, "MAX_DEPTH_EXCEEDED");
    }

    [Fact]
    public async Task Get_VariablesNested500Deep_Returns400WithMaxDepthExceededCode()
    {
        var response = await host.GetAsync(Query(Default, ("query", Echo), ("variables", "{\"name\":" + Nested(500) + "}")));

        AssertRefused(response, "MAX_DEPTH_EXCEEDED");
    }

    [Fact]
    public async Task Post_AfterHostileBodies_TheEndpointStillServes()
    {
        await host.PostAsync(Default, "{\"query\":\"{ hello(name: " + Nested(5_000) + ") }\"}");
        await PostBytesAsync([0xFF, 0xFE, 0xFD]);

        var response = await host.PostAsync(Default, """{"query":"{ hello }"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
