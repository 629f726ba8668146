using System.Net;
using System.Net.Http.Json;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Redis;

/// <summary>With Redis, the cost budget and the form rate limit count a caller's requests once, whichever node takes them.</summary>
public sealed class SharedLimitsTests(SharedLimitsTests.Nodes nodes) : IClassFixture<SharedLimitsTests.Nodes>
{
    /// <summary>A cost budget of 100 per minute (two queries of cost 41 fit, a third does not) and three form posts per minute.</summary>
    public sealed class Nodes : TwoRedisNodes
    {
        protected override IReadOnlyDictionary<string, string> SettingsOf(string node) => new Dictionary<string, string>
        {
            ["GraphQL:Limits:CostBudgetPerMinute"] = "100",
            ["Leads:RateLimitPermits"] = "3",
        };
    }

    private const string Query = "{ leads(first: 10) { nodes { id owner { name } } } }";

    [Fact]
    public async Task CostBudget_IsSpentOnceAcrossNodes()
    {
        FixBothClocks();

        Assert.Null((await nodes.A.PostAsync(Query))["errors"]);
        Assert.Null((await nodes.B.PostAsync(Query))["errors"]);
        var refused = await nodes.A.PostAsync(Query);

        Assert.Equal("COST_BUDGET_EXCEEDED", (string?)refused["errors"]?[0]?["extensions"]?["code"]);
        Assert.Equal("COST_BUDGET_EXCEEDED", (string?)(await nodes.B.PostAsync(Query))["errors"]?[0]?["extensions"]?["code"]);
    }

    [Fact]
    public async Task FormRateLimit_CountsPostsToEitherNodeOnce()
    {
        FixBothClocks();

        var statuses = new List<HttpStatusCode>();
        foreach (var node in new[] { nodes.A, nodes.B, nodes.A, nodes.B })
            statuses.Add(await PostFormAsync(node));

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses[..3]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
    }

    /// <summary>Both nodes in one window of the minute, whenever the test runs.</summary>
    private void FixBothClocks()
    {
        var now = DateTime.UtcNow;
        nodes.A.Clock.FixedAt = nodes.B.Clock.FixedAt = now;
    }

    private static async Task<HttpStatusCode> PostFormAsync(ApiHost node)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ __typename }" }) };
        request.Headers.Add("X-Landing-Key", "lk_shared_limit");
        using var response = await node.Anonymous.SendAsync(request);
        return response.StatusCode;
    }
}
