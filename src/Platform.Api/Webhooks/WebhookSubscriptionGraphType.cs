using GraphQL.Types;
using Platform.Domain.Webhooks;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Webhooks;

/// <summary>The <c>WebhookSubscription</c> object type; its secret is shown only when made.</summary>
public sealed class WebhookSubscriptionGraphType : ObjectGraphType<WebhookSubscription>
{
    public WebhookSubscriptionGraphType()
    {
        Name = "WebhookSubscription";
        Description = "A receiver of signed event deliveries, owned by the API client or staff user that created it. See docs/webhooks.md.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The subscription's ID.").Resolve(c => GlobalId.Encode(Name, c.Source.Id));
        Field(x => x.Url).Description("Where events are POSTed.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("events").Description("The event types delivered.").Resolve(c => c.Source.EventTypes);
        Field(x => x.Description, nullable: true).Description("What the receiver is for.");
        Field("enabled", x => x.IsEnabled).Description("Whether events are delivered.");
        Field(x => x.DisabledReason, nullable: true).Description("Why deliveries stopped, when every attempt failed for too long; `updateWebhookSubscription(enabled: true)` resumes them.");
        Field(x => x.FailingSince, nullable: true).Description("Since when every attempt has failed (UTC); null after a success.");
        Field("previousSecretExpiresAt", x => x.PreviousSecretExpiresAt, nullable: true).Description("After `rotateWebhookSecret`: until when the previous secret still signs too (UTC).");
        Field(x => x.CreatedAt).Description("When the subscription was created (UTC).");
        Field(x => x.UpdatedAt).Description("When it was last changed (UTC).");
        Field(x => x.Version).Description("Optimistic-concurrency version; pass it as `expectedVersion`.");
    }
}
