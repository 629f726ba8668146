using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Domain.Webhooks;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Webhooks;

/// <summary>What a delivery sends: its <c>webhook-id</c> and its JSON body.</summary>
public static class WebhookMessage
{
    /// <summary>The type of the deliveries <c>sendTestWebhook</c> makes.</summary>
    public const string TestType = "webhook.test";

    /// <summary>
    /// The <c>webhook-id</c>: the event's (<c>evt_</c> and its id), so a receiver tells a repeat of an event by it, on
    /// every attempt and redelivery; a test delivery has its own (<c>test_</c> and the delivery id).
    /// </summary>
    public static string IdOf(WebhookDelivery delivery) => delivery.EventId is { } eventId
        ? "evt_" + eventId.ToString(CultureInfo.InvariantCulture)
        : "test_" + delivery.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// <c>{"type", "timestamp", "data": {"id", "occurredAt", "aggregateId", "aggregateType", "version", "payload"}}</c>:
    /// the event as the <c>Event</c> type of the subscriptions has it.
    /// </summary>
    public static string BodyOf(WebhookDelivery delivery, DateTimeOffset now) => new JsonObject
    {
        ["type"] = delivery.Type,
        ["timestamp"] = now.UtcDateTime,
        ["data"] = new JsonObject
        {
            ["id"] = delivery.EventId?.ToString(CultureInfo.InvariantCulture),
            ["occurredAt"] = DateTime.SpecifyKind(delivery.OccurredAt, DateTimeKind.Utc),
            ["aggregateId"] = delivery.EventId is null ? null : GlobalId.Encode(delivery.AggregateType, delivery.AggregateId),
            ["aggregateType"] = delivery.EventId is null ? null : delivery.AggregateType,
            ["version"] = delivery.EventId is null ? null : delivery.AggregateVersion,
            ["payload"] = JsonNode.Parse(delivery.Payload),
        },
    }.ToJsonString(JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new();
}
