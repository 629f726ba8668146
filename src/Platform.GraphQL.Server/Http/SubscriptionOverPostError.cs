using GraphQL.Validation;

namespace Platform.GraphQL.Server.Http;

/// <summary>A subscription sent with POST: one HTTP response cannot carry its event stream.</summary>
internal sealed class SubscriptionOverPostError : ValidationError
{
    public SubscriptionOverPostError(ValidationContext context)
        : base(context.Document.Source, null!, "Subscriptions cannot be sent over HTTP POST; use the WebSocket transport.", context.Operation)
    {
        Code = "SUBSCRIPTION_NOT_SUPPORTED";
    }
}
