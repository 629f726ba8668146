using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Platform.Api.Leads;

namespace Platform.Api.Tests.Leads;

/// <summary>The form rate limit (<see cref="FormRateLimit"/>): per landing key, then 429.</summary>
public sealed class FormRateLimitTests
{
    private static async Task<WebApplication> StartAsync(int permits)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Leads:RateLimitPermits"] = permits.ToString() });
        builder.Services.AddLeads(builder.Configuration);
        // The limiter alone: none of the feature's background writers.
        builder.Services.RemoveAll<IHostedService>();
        var app = builder.Build();
        app.UseFormRateLimit();
        app.MapPost("/graphql", () => Results.Ok());
        await app.StartAsync();
        return app;
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient client, string? landingKey)
    {
        using var response = await SendAsync(client, landingKey);
        return response.StatusCode;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string? landingKey, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql");
        if (landingKey is not null)
            request.Headers.Add("X-Landing-Key", landingKey);
        if (accept is not null)
            request.Headers.Add("Accept", accept);
        return client.SendAsync(request);
    }

    [Fact]
    public async Task FormPosts_OverTheLimitOfTheirKey_Get429_OtherCallersDoNot()
    {
        await using var app = await StartAsync(permits: 3);
        var client = app.GetTestClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add(await PostAsync(client, "lk_a"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(client, landingKey: null)); // staff and integrations: not limited here
    }

    [Fact]
    public async Task FormPosts_OverTheLimit_AreToldWhenToRetry()
    {
        await using var app = await StartAsync(permits: 1);
        var client = app.GetTestClient();
        await PostAsync(client, "lk_b");

        using var rejected = await SendAsync(client, "lk_b");

        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        Assert.True(rejected.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {rejected.Headers.RetryAfter}");
    }

    [Theory]
    [InlineData(null, "application/json")]
    [InlineData("application/graphql-response+json, application/json;q=0.9", "application/graphql-response+json")]
    [InlineData("application/json", "application/json")]
    public async Task FormPosts_OverTheLimit_GetAGraphQLErrorBody(string? accept, string mediaType)
    {
        await using var app = await StartAsync(permits: 1);
        var client = app.GetTestClient();
        await PostAsync(client, "lk_c");

        using var rejected = await SendAsync(client, "lk_c", accept);

        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        Assert.Equal(mediaType, rejected.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await rejected.Content.ReadAsStringAsync())!;
        var error = body["errors"]!.AsArray().Single()!;
        Assert.Equal(FormRateLimit.RateLimitedCode, (string)error["extensions"]!["code"]!);
        Assert.Contains($"retry in {rejected.Headers.RetryAfter!.Delta!.Value.TotalSeconds} s", (string)error["message"]!);
        Assert.Null(body["data"]);
    }
}
