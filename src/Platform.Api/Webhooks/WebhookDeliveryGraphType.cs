using GraphQL.Types;
using Platform.Domain.Webhooks;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Webhooks;

/// <summary>The <c>WebhookDelivery</c> object type.</summary>
public sealed class WebhookDeliveryGraphType : ObjectGraphType<WebhookDelivery>
{
    public WebhookDeliveryGraphType()
    {
        Name = "WebhookDelivery";
        Description = "One event sent (or to be sent) to one webhook subscription, and how it went.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The delivery's ID, for `redeliverWebhook`.").Resolve(c => GlobalId.Encode(Name, c.Source.Id));
        Field<NonNullGraphType<IdGraphType>>("subscriptionId").Description("The subscription.").Resolve(c => GlobalId.Encode("WebhookSubscription", c.Source.SubscriptionId));
        Field<NonNullGraphType<StringGraphType>>("webhookId").Description("The `webhook-id` header it is sent with, the same on every attempt.").Resolve(c => WebhookMessage.IdOf(c.Source));
        Field(x => x.Type).Description("The event type, or `webhook.test` for `sendTestWebhook`.");
        Field<IdGraphType>("aggregateId").Description("The global ID of the changed object; null for a test.")
            .Resolve(c => c.Source.EventId is null ? null : GlobalId.Encode(c.Source.AggregateType, c.Source.AggregateId));
        Field(x => x.Status).Description("Where the delivery stands.");
        Field(x => x.Attempts).Description("How many attempts were made.");
        Field<DateTimeGraphType>("nextAttemptAt").Description("When the next attempt is due (UTC), while pending.")
            .Resolve(c => c.Source.Status == WebhookDeliveryStatus.Pending ? c.Source.NextAttemptAt : null);
        Field(x => x.LastAttemptAt, nullable: true).Description("When the last attempt started (UTC).");
        Field(x => x.ResponseStatus, nullable: true).Description("The HTTP status the receiver answered the last attempt with; null when no answer came (timeout, connection refused).");
        Field(x => x.DurationMs, nullable: true).Description("How long the last attempt took, in milliseconds.");
        Field(x => x.Error, nullable: true).Description("Why the last attempt failed.");
        Field(x => x.DeliveredAt, nullable: true).Description("When the receiver accepted it with a 2xx (UTC).");
        Field(x => x.CreatedAt).Description("When the delivery was made (UTC).");
    }
}
