using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Infrastructure;
using Platform.Api.Tests.Leads;
using Platform.Data;
using Platform.DemoData;

namespace Platform.Api.Tests.Redis;

/// <summary>
/// With Redis configured but down, two nodes on one PostgreSQL database keep serving: each counts the limits on its own,
/// both say Degraded in <c>/health/ready</c>, and nothing is lost: a lead submitted to one is stored and its event
/// reaches a subscriber on the other (read at the next poll instead of at once).
/// </summary>
public sealed class RedisDownTests(RedisDownTests.Nodes nodes) : IClassFixture<RedisDownTests.Nodes>
{
    /// <summary>A cost budget of 100 per minute (two queries of cost 41 fit, a third does not) and three form posts per minute; Redis stopped once both nodes run.</summary>
    public sealed class Nodes : TwoRedisNodes
    {
        protected override string Provider => "Postgres";

        protected override IReadOnlyDictionary<string, string> SettingsOf(string node) => new Dictionary<string, string>
        {
            ["GraphQL:Limits:CostBudgetPerMinute"] = "100",
            ["Leads:RateLimitPermits"] = "3",
        };

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await Redis.StopAsync();
        }
    }

    private const string Query = "{ leads(first: 10) { nodes { id owner { name } } } }";

    [Fact]
    public async Task Ready_IsDegradedOnBothNodes()
    {
        foreach (var node in new[] { nodes.A, nodes.B })
        {
            using var response = await node.Anonymous.GetAsync("/health/ready");
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(("Degraded", "Degraded", "Healthy"), ((string?)body["status"], (string?)body["checks"]!["redis"]!["status"], (string?)body["checks"]!["database"]!["status"]));
        }
    }

    [Fact]
    public async Task CostBudget_IsCountedPerNode()
    {
        FixBothClocks(TimeSpan.FromMinutes(10));

        Assert.Null((await nodes.A.PostAsync(Query))["errors"]);
        Assert.Null((await nodes.A.PostAsync(Query))["errors"]);
        Assert.Equal("COST_BUDGET_EXCEEDED", (string?)(await nodes.A.PostAsync(Query))["errors"]?[0]?["extensions"]?["code"]);

        Assert.Null((await nodes.B.PostAsync(Query))["errors"]);
        Assert.Null((await nodes.B.PostAsync(Query))["errors"]);
    }

    [Fact]
    public async Task FormRateLimit_IsCountedPerNode()
    {
        FixBothClocks(TimeSpan.FromMinutes(5));

        var onA = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            onA.Add(await PostFormAsync(nodes.A));
        var onB = await PostFormAsync(nodes.B);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], onA);
        Assert.Equal(HttpStatusCode.OK, onB);
    }

    [Fact]
    public async Task ALeadSubmittedToA_IsStoredAndItsEventReachesASubscriberOnB()
    {
        FixBothClocks(TimeSpan.FromMinutes(15));
        long after;
        await using (var scope = nodes.B.Services.CreateAsyncScope())
            after = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().OutboxEvents.MaxAsync(e => e.Id);
        await using var subscriber = await nodes.B.ConnectWebSocketAsync();
        await subscriber.InitAsync(await nodes.B.TokenAsync(DemoClients.Integration));
        await subscriber.SubscribeAsync("1", $$"""subscription { leadEvents(after: "{{after}}", filter: { types: ["lead.created"] }) { aggregateId } }""");

        var phone = LeadApi.NewPhone();
        var leadId = (string)(await nodes.A.NewLeadAsync(("phone", phone)))["id"]!;
        var message = await subscriber.ReceiveAsync();

        Assert.Equal(1, await nodes.B.CountLeadsAsync(phone.Replace(" ", "")));
        Assert.Equal(leadId, message.GetProperty("payload").GetProperty("data").GetProperty("leadEvents").GetProperty("aggregateId").GetString());
    }

    /// <summary>
    /// Both nodes in one window of the minute, whenever the test runs; each test in windows of its own (<paramref name="ahead"/>
    /// of now, less than the access tokens' lifetime), as form posts and lead submissions count against one IP address
    /// and the cost budget of one client.
    /// </summary>
    private void FixBothClocks(TimeSpan ahead) => nodes.A.Clock.FixedAt = nodes.B.Clock.FixedAt = DateTime.UtcNow + ahead;

    private static async Task<HttpStatusCode> PostFormAsync(ApiHost node)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ __typename }" }) };
        request.Headers.Add("X-Landing-Key", "lk_per_node_limit");
        using var response = await node.Anonymous.SendAsync(request);
        return response.StatusCode;
    }
}
