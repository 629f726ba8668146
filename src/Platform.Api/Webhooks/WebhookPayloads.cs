using GraphQL.Types;
using Platform.Domain.Webhooks;
using Platform.GraphQL.Server.Mutations;

namespace Platform.Api.Webhooks;

/// <summary>What a webhook mutation returns: the subscription or delivery as it is now (and a new secret), or why nothing changed.</summary>
public sealed record WebhookPayload<T>(T? Result, IReadOnlyList<IPayloadError> Errors, string? Secret = null) where T : class
{
    public static WebhookPayload<T> Ok(T result, string? secret = null) => new(result, [], secret);

    public static WebhookPayload<T> Failed(IPayloadError error) => new(null, [error]);
}

/// <summary>The <c>WebhookSubscriptionPayload</c> type.</summary>
public sealed class WebhookSubscriptionPayloadType : ObjectGraphType<WebhookPayload<WebhookSubscription>>
{
    public WebhookSubscriptionPayloadType()
    {
        Name = "WebhookSubscriptionPayload";
        Description = "The result of a webhook subscription mutation: the subscription, or the errors that prevented the change (then nothing was changed).";
        Field<WebhookSubscriptionGraphType>("subscription").Description("The subscription after the change (after `deleteWebhookSubscription`: as it was); null when there are errors.").Resolve(c => c.Source.Result);
        Field<StringGraphType>("secret").Description("The signing secret (`whsec_` and base64), in the answers of `createWebhookSubscription` and `rotateWebhookSecret` only: store it, it is never shown again.").Resolve(c => c.Source.Secret);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WebhookErrorType>>>>("errors").Description("Why the change was refused; empty on success.").Resolve(c => c.Source.Errors);
    }
}

/// <summary>The <c>WebhookDeliveryPayload</c> type.</summary>
public sealed class WebhookDeliveryPayloadType : ObjectGraphType<WebhookPayload<WebhookDelivery>>
{
    public WebhookDeliveryPayloadType()
    {
        Name = "WebhookDeliveryPayload";
        Description = "The result of `redeliverWebhook` or `sendTestWebhook`: the delivery, due at once, or the errors that prevented it.";
        Field<WebhookDeliveryGraphType>("delivery").Description("The delivery; null when there are errors.").Resolve(c => c.Source.Result);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WebhookErrorType>>>>("errors").Description("Why it was refused; empty on success.").Resolve(c => c.Source.Errors);
    }
}
