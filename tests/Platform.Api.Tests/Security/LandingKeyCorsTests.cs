using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Infrastructure;
using Platform.Api.Tests.Leads;
using Platform.Data;
using Platform.DemoData;

namespace Platform.Api.Tests.Security;

/// <summary>Browsers may call /graphql only from the origins of the landing key they send (the demo key allows <c>http://localhost:8080</c> and <c>null</c>).</summary>
public sealed class LandingKeyCorsTests(DefaultApi api) : IClassFixture<DefaultApi>
{
    private const string Allowed = "http://localhost:8080";
    private const string Foreign = "https://evil.example";

    private const string Submit = """
        mutation($input: SubmitLeadInput!) { submitLead(input: $input) { receipt { id } errors { ... on Error { code } } } }
        """;

    [Theory]
    [InlineData(Allowed)]
    [InlineData("null")]
    public async Task Preflight_FromAnOriginOfAnActiveKey_IsAllowed(string origin)
    {
        using var response = await PreflightAsync(origin);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(origin, Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("POST", Header(response, "Access-Control-Allow-Methods"));
        Assert.Contains("x-landing-key", Header(response, "Access-Control-Allow-Headers"));
        Assert.NotNull(Header(response, "Access-Control-Max-Age"));
        Assert.Equal("Origin", Header(response, "Vary"));
    }

    [Fact]
    public async Task Preflight_FromAnotherOrigin_GetsNoCorsHeaders()
    {
        using var response = await PreflightAsync(Foreign);

        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
        Assert.Null(Header(response, "Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task Post_FromAnAllowedOrigin_CreatesTheLeadAndGetsTheHeader()
    {
        using var response = await PostAsync(Allowed);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(body["data"]!["submitLead"]!["receipt"]!["id"]);
        Assert.Equal(Allowed, Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("Origin", Header(response, "Vary"));
    }

    [Fact]
    public async Task Post_FromAnotherOrigin_Is403AndCreatesNothing()
    {
        var before = await CountLeadsAsync();

        using var response = await PostAsync(Foreign);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("ORIGIN_NOT_ALLOWED", (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal(before, await CountLeadsAsync());
    }

    [Fact]
    public async Task Post_WithoutOrigin_IsUnaffected()
    {
        using var response = await PostAsync(origin: null);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(body["data"]!["submitLead"]!["receipt"]!["id"]);
        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
    }

    private async Task<HttpResponseMessage> PreflightAsync(string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type,x-landing-key");
        return await api.Anonymous.SendAsync(request);
    }

    private async Task<HttpResponseMessage> PostAsync(string? origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query = Submit, variables = new { input = api.LandingForm() } }),
        };
        request.Headers.Add("X-Landing-Key", DemoDataset.DemoLandingKey);
        if (origin is not null)
            request.Headers.Add("Origin", origin);
        return await api.Anonymous.SendAsync(request);
    }

    private async Task<int> CountLeadsAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Leads.CountAsync();
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;
}
