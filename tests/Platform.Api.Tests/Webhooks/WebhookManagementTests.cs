using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Infrastructure;
using Platform.Data;
using Platform.DemoData;

namespace Platform.Api.Tests.Webhooks;

/// <summary>Managing webhook subscriptions over GraphQL: who sees and changes what, and the errors (nothing stored on one).</summary>
public sealed class WebhookManagementTests(DefaultApi api) : IClassFixture<DefaultApi>
{
    private const string Receiver = "http://127.0.0.1:9/hooks";

    private async Task<int> StoredAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().WebhookSubscriptions.CountAsync();
    }

    private static string ErrorCode(JsonNode payload) => (string)payload["errors"]![0]!["code"]!;

    [Theory]
    [InlineData("lead.exploded", "UNKNOWN_EVENT_TYPE")]
    [InlineData("", "UNKNOWN_EVENT_TYPE")]
    public async Task Create_WithAnUnknownEventType_IsRefused(string type, string code)
    {
        var before = await StoredAsync();

        var payload = await api.CreateWebhookAsync(api.Client, Receiver, "lead.created", type);

        Assert.Equal(code, ErrorCode(payload));
        Assert.Null(payload["subscription"]);
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task Create_WithoutEvents_IsAValidationError()
    {
        var payload = await api.CreateWebhookAsync(api.Client, Receiver);

        Assert.Equal("VALIDATION", ErrorCode(payload));
    }

    [Theory]
    [InlineData("partner-bright-ads", "deal.won")]
    [InlineData("partner-bright-ads", "order.paid")]
    [InlineData(DemoClients.Bi, "lead.created")]
    [InlineData(DemoClients.Bi, "reward.status_changed")]
    public async Task Create_ForEventsTheCallerMayNotReceive_IsRefused(string clientId, string type)
    {
        var before = await StoredAsync();

        var payload = await api.CreateWebhookAsync(await api.ClientForAsync(clientId), Receiver, type);

        Assert.Equal("EVENT_NOT_ALLOWED", ErrorCode(payload));
        Assert.Equal(before, await StoredAsync());
    }

    [Theory]
    [InlineData("https://10.1.2.3/hooks")]
    [InlineData("https://192.168.0.10/hooks")]
    [InlineData("https://172.16.0.1/hooks")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://0.0.0.0/hooks")]
    [InlineData("https://[fe80::1]/hooks")]
    [InlineData("https://[fd00::1]/hooks")]
    [InlineData("http://93.184.216.34/hooks")]
    [InlineData("ftp://93.184.216.34/hooks")]
    [InlineData("https://user:pass@93.184.216.34/hooks")]
    [InlineData("not a url")]
    public async Task Create_WithAnUnsafeUrl_IsRefused(string url)
    {
        var before = await StoredAsync();

        var payload = await api.CreateWebhookAsync(api.Client, url, "lead.created");

        Assert.Equal("UNSAFE_URL", ErrorCode(payload));
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task Create_ReturnsTheSecretOnce_AndTheSubscriptionIsItsOwners()
    {
        var bi = await api.ClientForAsync(DemoClients.Bi);
        var payload = await api.CreateWebhookAsync(bi, Receiver, "order.paid", "deal.won");
        var id = (string)payload["subscription"]!["id"]!;

        var listedToOwner = (await api.PostAsync(bi, "{ webhookSubscriptions { nodes { id events } } }"))["data"]!["webhookSubscriptions"]!["nodes"]!.AsArray();
        var listedToOther = (await api.PostAsync("{ webhookSubscriptions { nodes { id } } }"))["data"]!["webhookSubscriptions"]!["nodes"]!.AsArray();
        var changedByOther = await api.WebhookMutationAsync(api.Client, "deleteWebhookSubscription", "WebhookSubscriptionIdInput", new { subscriptionId = id }, "subscription { id }");
        var secretAgain = (await api.PostAsync(bi, "{ webhookSubscriptions { nodes { id } } }")).ToJsonString();

        Assert.Matches("^whsec_[A-Za-z0-9+/]{43}=$", (string)payload["secret"]!);
        Assert.Contains(listedToOwner, s => (string)s!["id"]! == id);
        Assert.DoesNotContain(listedToOther, s => (string)s!["id"]! == id);
        Assert.Equal("NOT_FOUND", ErrorCode(changedByOther));
        Assert.DoesNotContain((string)payload["secret"]!, secretAgain);
    }

    [Fact]
    public async Task Update_ChangesWhatItIsGiven_AndChecksItAsOnCreation()
    {
        var (id, _) = await api.SubscribeAsync(api.Client, Receiver, "lead.created");

        var refused = await api.WebhookMutationAsync(api.Client, "updateWebhookSubscription", "UpdateWebhookSubscriptionInput", new { subscriptionId = id, url = "https://10.0.0.1/" }, "subscription { url }");
        var stale = await api.WebhookMutationAsync(api.Client, "updateWebhookSubscription", "UpdateWebhookSubscriptionInput", new { subscriptionId = id, enabled = false, expectedVersion = 99 }, "subscription { enabled }");
        var changed = await api.WebhookMutationAsync(api.Client, "updateWebhookSubscription", "UpdateWebhookSubscriptionInput", new { subscriptionId = id, events = new[] { "deal.won" }, enabled = false }, "subscription { url events enabled }");
        var deleted = await api.WebhookMutationAsync(api.Client, "deleteWebhookSubscription", "WebhookSubscriptionIdInput", new { subscriptionId = id }, "subscription { id }");
        var again = await api.WebhookMutationAsync(api.Client, "deleteWebhookSubscription", "WebhookSubscriptionIdInput", new { subscriptionId = id }, "subscription { id }");

        Assert.Equal("UNSAFE_URL", ErrorCode(refused));
        Assert.Equal("CONFLICT", ErrorCode(stale));
        Assert.Equal((Receiver, "deal.won", false), ((string)changed["subscription"]!["url"]!, (string)changed["subscription"]!["events"]![0]!, (bool)changed["subscription"]!["enabled"]!));
        Assert.Equal(id, (string)deleted["subscription"]!["id"]!);
        Assert.Equal("NOT_FOUND", ErrorCode(again));
    }

    [Fact]
    public async Task Webhooks_AreClosedToLandingClients()
    {
        var landing = await api.ClientForAsync(DemoClients.Landing);

        var result = await api.PostAsync(landing, "{ webhookSubscriptions { nodes { id } } }");

        Assert.Equal("ACCESS_DENIED", (string)result["errors"]![0]!["extensions"]!["code"]!);
    }
}
