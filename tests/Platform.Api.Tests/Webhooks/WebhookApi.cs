using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Infrastructure;
using Platform.Api.Webhooks;

namespace Platform.Api.Tests.Webhooks;

/// <summary>Webhook management over GraphQL and the dispatcher's rounds, for the tests.</summary>
public static class WebhookApi
{
    private const string Errors = "errors { ... on Error { code message } }";

    public static async Task<JsonNode> CreateWebhookAsync(this ApiHost api, HttpClient client, string url, params string[] events) =>
        (await api.PostAsync(client, $$"""mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { subscription { id url events enabled } secret {{Errors}} } }""",
            new { input = new { url, events, description = "test receiver" } }))["data"]!["createWebhookSubscription"]!;

    /// <summary>Creates a subscription that must succeed; returns its id and secret.</summary>
    public static async Task<(string Id, string Secret)> SubscribeAsync(this ApiHost api, HttpClient client, string url, params string[] events)
    {
        var payload = await api.CreateWebhookAsync(client, url, events);
        Assert.True(payload["errors"]!.AsArray().Count == 0, payload.ToJsonString());
        return ((string)payload["subscription"]!["id"]!, (string)payload["secret"]!);
    }

    /// <summary>Runs a mutation taking one subscription or delivery id; returns its payload.</summary>
    public static async Task<JsonNode> WebhookMutationAsync(this ApiHost api, HttpClient client, string mutation, string input, object variables, string selection) =>
        (await api.PostAsync(client, $$"""mutation($input: {{input}}!) { {{mutation}}(input: $input) { {{selection}} {{Errors}} } }""", new { input = variables }))["data"]![mutation]!;

    public static async Task<JsonArray> DeliveriesAsync(this ApiHost api, HttpClient client, string subscriptionId) =>
        (await api.PostAsync(client, "query($id: ID!) { webhookDeliveries(subscriptionId: $id, first: 100) { nodes { id webhookId type status attempts responseStatus durationMs error nextAttemptAt deliveredAt } } }",
            new { id = subscriptionId }))["data"]!["webhookDeliveries"]!["nodes"]!.AsArray();

    /// <summary>One dispatcher round of this API process.</summary>
    public static Task DispatchAsync(this ApiHost api) => api.Services.GetRequiredService<WebhookDispatcher>().RunOnceAsync(CancellationToken.None);
}
