using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain.Webhooks;
using Platform.GraphQL.Server.Mutations;

namespace Platform.Api.Webhooks;

/// <summary>The webhook fields of the root mutation: a client or staff user manages its own subscriptions, an admin anyone's.</summary>
public static class WebhookMutations
{
    public static void AddWebhookMutations(this ObjectGraphType mutation)
    {
        mutation.InputMutation<WebhookSubscriptionPayloadType, CreateWebhookSubscriptionInputType>("createWebhookSubscription",
                "Subscribes a URL to events: they are POSTed to it signed (Standard Webhooks), retried for over a day until it answers 2xx. Returns the signing secret, once.",
                "The URL, the event types and a description.")
            .Resolve((WebhookService webhooks, CreateWebhookSubscriptionInput input, CancellationToken ct) => webhooks.CreateAsync(input, ct));
        mutation.InputMutation<WebhookSubscriptionPayloadType, UpdateWebhookSubscriptionInputType>("updateWebhookSubscription",
                "Changes a webhook subscription's URL, events or description, or stops or resumes its deliveries.",
                "The subscription and its changes.")
            .Resolve((WebhookService webhooks, UpdateWebhookSubscriptionInput input, CancellationToken ct) =>
                webhooks.UpdateAsync(SubscriptionId(input.SubscriptionId), input, ct));
        mutation.InputMutation<WebhookSubscriptionPayloadType, WebhookSubscriptionIdInputType>("rotateWebhookSecret",
                "Gives a webhook subscription a new signing secret, returned once; for 24 hours deliveries carry signatures by both the new and the old one.",
                "The subscription.")
            .Resolve((WebhookService webhooks, WebhookSubscriptionIdInput input, CancellationToken ct) =>
                webhooks.RotateSecretAsync(SubscriptionId(input.SubscriptionId), input.SubscriptionId, ct));
        mutation.InputMutation<WebhookSubscriptionPayloadType, WebhookSubscriptionIdInputType>("deleteWebhookSubscription",
                "Deletes a webhook subscription and its deliveries; nothing more is sent to it.",
                "The subscription.")
            .Resolve((WebhookService webhooks, WebhookSubscriptionIdInput input, CancellationToken ct) =>
                webhooks.DeleteAsync(SubscriptionId(input.SubscriptionId), input.SubscriptionId, ct));
        mutation.InputMutation<WebhookDeliveryPayloadType, RedeliverWebhookInputType>("redeliverWebhook",
                "Sends a delivery again at once, with the same `webhook-id`, whether it succeeded or failed; the retry schedule starts again.",
                "The delivery.")
            .Resolve((WebhookService webhooks, RedeliverWebhookInput input, CancellationToken ct) =>
                webhooks.RedeliverAsync(GlobalIds.Decode<WebhookDelivery>(input.DeliveryId, "input.deliveryId"), input.DeliveryId, ct));
        mutation.InputMutation<WebhookDeliveryPayloadType, WebhookSubscriptionIdInputType>("sendTestWebhook",
                "Sends a `webhook.test` event to a subscription at once, signed and retried like any other.",
                "The subscription.")
            .Resolve((WebhookService webhooks, WebhookSubscriptionIdInput input, CancellationToken ct) =>
                webhooks.SendTestAsync(SubscriptionId(input.SubscriptionId), input.SubscriptionId, ct));
    }

    private static long SubscriptionId(string id) => GlobalIds.Decode<WebhookSubscription>(id, "input.subscriptionId");
}
