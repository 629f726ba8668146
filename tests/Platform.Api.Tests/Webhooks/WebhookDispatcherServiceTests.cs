using Microsoft.AspNetCore.Builder;
using Platform.Api.Tests.Infrastructure;
using Platform.Api.Tests.Leads;

namespace Platform.Api.Tests.Webhooks;

/// <summary>The dispatcher as it runs in every API process: a hosted service that delivers a committed change on its own.</summary>
public sealed class WebhookDispatcherServiceTests(WebhookDispatcherServiceTests.Api api) : IClassFixture<WebhookDispatcherServiceTests.Api>
{
    public sealed class Api() : ApiHost("Sqlite")
    {
        protected override void Configure(WebApplicationBuilder builder)
        {
            builder.Configuration["Webhooks:RunDispatcher"] = "true";
            // Longer than any test: the dispatcher starts at the node's first answer (the token fetched at start).
            builder.Configuration["Webhooks:StartDelay"] = "01:00:00";
        }
    }

    [Fact]
    public async Task HostedDispatcher_DeliversACommittedChange()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await api.SubscribeAsync(api.Client, receiver.Url, "lead.created");

        var leadId = (string)(await api.NewLeadAsync())["id"]!;
        var received = await receiver.NextAsync();

        Assert.Equal(leadId, received.Json.GetProperty("data").GetProperty("aggregateId").GetString());
    }
}
