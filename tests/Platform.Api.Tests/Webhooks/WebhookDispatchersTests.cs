using Platform.Api.Tests.Infrastructure;
using Platform.Api.Tests.Leads;

namespace Platform.Api.Tests.Webhooks;

/// <summary>Two API processes dispatching on one PostgreSQL database: row locks give each delivery to one of them.</summary>
public sealed class WebhookDispatchersTests(TwoPostgresNodes nodes) : IClassFixture<TwoPostgresNodes>
{
    [Fact]
    public async Task TwoDispatchers_DeliverEachEventOncePerSubscription()
    {
        await nodes.A.DispatchAsync();
        await using var first = await WebhookReceiver.StartAsync();
        await using var second = await WebhookReceiver.StartAsync();
        await nodes.A.SubscribeAsync(nodes.A.Client, first.Url, "lead.created");
        await nodes.B.SubscribeAsync(nodes.B.Client, second.Url, "lead.created", "lead.assigned");
        for (var i = 0; i < 20; i++)
            await (i % 2 == 0 ? nodes.A : nodes.B).NewLeadAsync();

        for (var round = 0; round < 3; round++)
            await Task.WhenAll(nodes.A.DispatchAsync(), nodes.B.DispatchAsync(), nodes.A.DispatchAsync(), nodes.B.DispatchAsync());

        Assert.Equal(20, first.All.Count);
        Assert.Equal(20, first.All.Select(r => r.Id).Distinct().Count());
        Assert.Equal(second.All.Count, second.All.Select(r => r.Id).Distinct().Count());
        Assert.Equal(20, second.All.Count(r => r.Json.GetProperty("type").GetString() == "lead.created"));
    }
}
