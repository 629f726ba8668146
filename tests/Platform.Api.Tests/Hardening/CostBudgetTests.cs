using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Platform.Api.Security;
using Platform.Api.Tests.Infrastructure;
using Platform.DemoData;

namespace Platform.Api.Tests.Hardening;

/// <summary>A client that spends its cost budget for the minute is refused with 429 and Retry-After; other clients are not affected.</summary>
public sealed class CostBudgetTests(CostBudgetTests.Api api) : IClassFixture<CostBudgetTests.Api>
{
    /// <summary>A budget of 100 per minute: two queries of cost 41 fit, a third does not.</summary>
    public sealed class Api() : ApiHost("Sqlite")
    {
        protected override void Configure(WebApplicationBuilder builder) =>
            builder.Configuration["GraphQL:Limits:CostBudgetPerMinute"] = "100";
    }

    private const string Query = "{ leads(first: 10) { nodes { id owner { name } } } }";

    [Fact]
    public async Task OverBudgetClient_IsRefusedAndOthersStillServed()
    {
        var client = await api.ClientForAsync(DemoClients.Integration);
        Assert.Null((await api.PostAsync(client, Query))["errors"]);

        // The third query in one minute is over budget; one more in case the minute turned meanwhile.
        var response = await SendAsync(client);
        for (var i = 0; i < 3 && response.StatusCode == HttpStatusCode.OK; i++)
            response = await SendAsync(client);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.InRange(response.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        var refused = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("COST_BUDGET_EXCEEDED", (string?)refused["errors"]?[0]?["extensions"]?["code"]);
        Assert.Null(refused["data"]);
        var other = await api.ClientForAsync("partner-bright-ads");
        Assert.Null((await api.PostAsync(other, Query))["errors"]);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = Query }) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        return client.SendAsync(request);
    }
}
