using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Infrastructure;
using Platform.Api.Tests.Leads;
using Platform.DemoData;
using Platform.GraphQL.Server.Limits;
using StackExchange.Redis;
using StackExchange.Redis.Profiling;

namespace Platform.Api.Tests.Redis;

/// <summary>
/// With Redis, the cost budget and the form rate limit count a caller's requests once, whichever node takes them; a form
/// post charges its landing key, its address and its cost in one script, all or nothing.
/// </summary>
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

    private const string Submit = "mutation($input: SubmitLeadInput!) { submitLead(input: $input) { receipt { id status } } }";

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

    [Fact]
    public async Task AFormPost_ChargesItsKeyAddressAndCost_InOneScript()
    {
        FixBothClocks(TimeSpan.FromMinutes(5));
        var session = new ProfilingSession();
        var redis = nodes.A.Services.GetRequiredService<IConnectionMultiplexer>();
        redis.RegisterProfiler(() => session);

        var (status, body, _) = await SubmitFormAsync(nodes.A, LeadApi.NewPhone());
        var scripts = session.FinishProfiling().Count(c => c.Command is "EVAL" or "EVALSHA");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(body["errors"]);
        Assert.Equal(1, scripts);
        var windowEnd = WindowCharge.WindowEnd(nodes.A.Clock.GetUtcNow(), TimeSpan.FromMinutes(1)).UtcTicks;
        var counters = redis.GetServer(redis.GetEndPoints()[0]).Keys(pattern: $"platform:window:*:{windowEnd}").Select(k => k.ToString().Split(':')[2]);
        Assert.Equal(["cost", "form-ip", "form-key"], counters.Order());
    }

    [Fact]
    public async Task AFormPostOverTheRateLimit_IsRefusedOnEitherNode_AndStoresNothing()
    {
        FixBothClocks(TimeSpan.FromMinutes(10));
        foreach (var node in new[] { nodes.A, nodes.B, nodes.A })
            Assert.Equal(HttpStatusCode.OK, (await SubmitFormAsync(node, LeadApi.NewPhone())).Status);

        var phone = LeadApi.NewPhone();
        var (status, body, retryAfter) = await SubmitFormAsync(nodes.B, phone);

        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Equal("RATE_LIMITED", (string?)body["errors"]?[0]?["extensions"]?["code"]);
        Assert.InRange(retryAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Null(body["data"]);
        Assert.Equal(0, await nodes.A.CountLeadsAsync(phone.Replace(" ", "")));
    }

    [Fact]
    public async Task AFormPostOverTheCostBudget_IsRefused_AndTakesNoFormPermit()
    {
        FixBothClocks(TimeSpan.FromMinutes(15));
        var counters = nodes.A.Services.GetRequiredService<IWindowCounters>();
        await counters.TryChargeAsync([new("cost:" + DemoDataset.DemoLandingKey, 100, 100, TimeSpan.FromMinutes(1))]);

        var refused = new List<string?>();
        foreach (var node in new[] { nodes.A, nodes.B, nodes.A, nodes.B })
            refused.Add((string?)(await SubmitFormAsync(node, LeadApi.NewPhone())).Body["errors"]?[0]?["extensions"]?["code"]);

        Assert.All(refused, code => Assert.Equal("COST_BUDGET_EXCEEDED", code));
        // Four refused posts, yet the key's three permits of the window are all left.
        var permits = await counters.TryChargeAsync([new("form-key:" + DemoDataset.DemoLandingKey, 3, 3, TimeSpan.FromMinutes(1))]);
        Assert.True(permits.Charged);
    }

    /// <summary>
    /// Both nodes in one window of the minute, whenever the test runs; each test in windows of its own (<paramref name="ahead"/>
    /// of now, less than the access tokens' lifetime), as form posts count against one address.
    /// </summary>
    private void FixBothClocks(TimeSpan ahead = default) => nodes.A.Clock.FixedAt = nodes.B.Clock.FixedAt = DateTime.UtcNow + ahead;

    /// <summary>A landing page's post of submitLead with the demo landing key and a form token of <paramref name="node"/>.</summary>
    private static async Task<(HttpStatusCode Status, JsonNode Body, TimeSpan? RetryAfter)> SubmitFormAsync(ApiHost node, string phone)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query = Submit, variables = new { input = node.LandingForm(("phone", phone)) } }),
        };
        request.Headers.Add("X-Landing-Key", DemoDataset.DemoLandingKey);
        using var response = await node.Anonymous.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!, response.Headers.RetryAfter?.Delta);
    }

    private static async Task<HttpStatusCode> PostFormAsync(ApiHost node)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ __typename }" }) };
        request.Headers.Add("X-Landing-Key", "lk_shared_limit");
        using var response = await node.Anonymous.SendAsync(request);
        return response.StatusCode;
    }
}
