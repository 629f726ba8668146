using Microsoft.AspNetCore.Builder;
using Platform.Api.Tests.Infrastructure;
using Platform.Api.Tests.Leads;

namespace Platform.Api.Tests.Webhooks;

/// <summary>The dispatcher as it runs in every API process: a hosted service that delivers a committed change on its own.</summary>
public sealed class WebhookDispatcherServiceTests(WebhookDispatcherServiceTests.Api api) : IClassFixture<WebhookDispatcherServiceTests.Api>
{
    public sealed class Api() : ApiHost("Sqlite")
    {
        protected override void Configure(WebApplicationBuilder builder) => builder.Configuration["Webhooks:RunDispatcher"] = "true";
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
