using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Infrastructure;
using Platform.Api.Tests.Leads;
using Platform.Data;
using Platform.DemoData;

namespace Platform.Api.Tests.Http;

/// <summary>
/// Bodies no honest form sends, posted to <c>submitLead</c> through the whole API: each is a 400 with a code naming the
/// problem (never a 500 or an empty body), nothing is stored, and the server keeps serving.
/// </summary>
public sealed class HostileBodyTests(DefaultApi api) : IClassFixture<DefaultApi>
{
    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    /// <summary>A submitLead body with <paramref name="variablesJson"/> as its raw variables.</summary>
    private static string Body(string variablesJson) =>
        "{\"query\":" + JsonValue.Create(LeadApi.SubmitMutation).ToJsonString() + ",\"variables\":" + variablesJson + "}";

    private async Task<int> CountLeadsAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Leads.CountAsync();
    }

    private async Task AssertRefusedAsync(byte[] body, string code)
    {
        var leads = await CountLeadsAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        request.Headers.Add("X-Landing-Key", DemoDataset.DemoLandingKey);

        using var response = await api.Client.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        var result = JsonNode.Parse(text)!;
        Assert.Equal(code, (string?)result["errors"]?[0]?["extensions"]?["code"]);
        Assert.Null(result["data"]);
        Assert.Equal(leads, await CountLeadsAsync());
        (await api.SubmitAsync(LeadApi.Form())).AssertOk(); // still serving
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task InvalidUtf8InTheInput_Is400InvalidJson()
    {
        var around = Body("{\"input\":{\"phone\":\"+7 916 555 12 34\",\"firstName\":\"Ol|ga\"}}").Split('|');
        // 0xC0 0xAF: an overlong encoding of '/', which UTF-8 forbids.
        byte[] body = [.. Utf8(around[0]), 0xC0, 0xAF, .. Utf8(around[1])];
        await AssertRefusedAsync(body, "INVALID_JSON");
    }

    [Fact]
    public async Task UnpairedSurrogateEscapeInTheInput_Is400InvalidJson()
    {
        await AssertRefusedAsync(Utf8(Body("{\"input\":{\"phone\":\"+7 916 555 12 34\",\"firstName\":\"Ol\\ud800ga\"}}")), "INVALID_JSON");
    }

    [Fact]
    public async Task VariablesNested500Deep_Are400MaxDepthExceeded()
    {
        await AssertRefusedAsync(Utf8(Body("{\"input\":{\"firstName\":" + Nested(500) + "}}")), "MAX_DEPTH_EXCEEDED");
    }

    [Fact]
    public async Task ListLiteralNested500DeepInTheQuery_Is400MaxDepthExceeded()
    {
        var query = "mutation { submitLead(input: { firstName: " + Nested(500) + " }) { repeatTouch } }";
        await AssertRefusedAsync(Utf8("{\"query\":" + JsonValue.Create(query).ToJsonString() + "}"), "MAX_DEPTH_EXCEEDED");
    }
}
