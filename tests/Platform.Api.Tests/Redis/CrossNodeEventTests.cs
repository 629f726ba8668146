using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Leads;
using Platform.Data;
using Platform.Data.Outbox;
using Platform.DemoData;
using Platform.Testing;

namespace Platform.Api.Tests.Redis;

/// <summary>
/// With Redis, an event committed on node A reaches a subscriber connected to node B at once, and wakes B's webhook
/// dispatcher: the nodes read the outbox only once a day here, so only A's announcement through Redis can make B read it.
/// </summary>
public sealed class CrossNodeEventTests(CrossNodeEventTests.Nodes nodes) : IClassFixture<CrossNodeEventTests.Nodes>
{
    /// <summary>Two nodes on PostgreSQL, on loopback ports (a real WebSocket), that poll the outbox once a day.</summary>
    public sealed class Nodes : TwoRedisNodes
    {
        protected override string Provider => "Postgres";

        protected override bool Loopback => true;

        protected override IReadOnlyDictionary<string, string> SettingsOf(string node) => new Dictionary<string, string>
        {
            ["Events:PollInterval"] = "1.00:00:00",
            ["Webhooks:PollInterval"] = "1.00:00:00",
        };
    }

    [Fact]
    public async Task LeadCreatedOnA_ReachesASubscriberOnB()
    {
        var after = await LastEventIdAsync();
        var endpoint = new UriBuilder(nodes.B.Address!) { Scheme = "ws", Path = "/graphql" }.Uri;
        await using var subscriber = await GraphQLWsTestClient.ConnectAndInitAsync(endpoint, await nodes.B.TokenAsync(DemoClients.Integration));
        await subscriber.SubscribeAsync("1", $$"""subscription { leadEvents(after: "{{after}}", filter: { types: ["lead.created"] }) { aggregateId type } }""");

        var leadId = (string)(await nodes.A.NewLeadAsync())["id"]!;
        var message = await subscriber.ReceiveAsync();

        Assert.True(message.GetProperty("type").GetString() == "next", message.ToString());
        var created = message.GetProperty("payload").GetProperty("data").GetProperty("leadEvents");
        Assert.Equal((leadId, "lead.created"), (created.GetProperty("aggregateId").GetString(), created.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task CommitOnA_WakesTheOutboxReadersOfB()
    {
        // The webhook dispatcher's fan-out waits for this signal (or its poll).
        var woken = nodes.B.Services.GetRequiredService<OutboxSignal>().Next;

        await nodes.A.NewLeadAsync();

        await woken.WaitAsync(TimeSpan.FromMinutes(1));
    }

    private async Task<string> LastEventIdAsync()
    {
        await using var scope = nodes.A.Services.CreateAsyncScope();
        return ((await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().OutboxEvents.MaxAsync(e => (long?)e.Id)) ?? 0).ToString();
    }
}
