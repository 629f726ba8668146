using GraphQL.Types;
using Platform.Api.Common;
using Platform.GraphQL.Server.Mutations;

namespace Platform.Api.Webhooks;

/// <summary>An event type that no event has.</summary>
public sealed record UnknownEventTypeError(string EventType, string Message) : IPayloadError
{
    public string Code => "UNKNOWN_EVENT_TYPE";
}

/// <summary>An event type the caller may not receive (as it may not subscribe to its stream).</summary>
public sealed record EventNotAllowedError(string EventType, string Message) : IPayloadError
{
    public string Code => "EVENT_NOT_ALLOWED";
}

/// <summary>A URL that may not receive webhooks: not https, or its host resolves to an internal address.</summary>
public sealed record UnsafeUrlError(string Url, string Message) : IPayloadError
{
    public string Code => "UNSAFE_URL";
}

/// <summary>The <c>UnknownEventTypeError</c> type.</summary>
public sealed class UnknownEventTypeErrorType : ErrorGraphType<UnknownEventTypeError>
{
    public UnknownEventTypeErrorType() : base("No event has this type; the types are listed in the `Subscription` fields' descriptions. Code UNKNOWN_EVENT_TYPE.")
    {
        Field(x => x.EventType).Description("The unknown type.");
    }
}

/// <summary>The <c>EventNotAllowedError</c> type.</summary>
public sealed class EventNotAllowedErrorType : ErrorGraphType<EventNotAllowedError>
{
    public EventNotAllowedErrorType() : base("The caller may not receive events of this type (it may not subscribe to their `Subscription` field either). Code EVENT_NOT_ALLOWED.")
    {
        Field(x => x.EventType).Description("The type refused.");
    }
}

/// <summary>The <c>UnsafeUrlError</c> type.</summary>
public sealed class UnsafeUrlErrorType : ErrorGraphType<UnsafeUrlError>
{
    public UnsafeUrlErrorType() : base("The URL may not receive webhooks: it is not https, or its host resolves to a loopback, link-local, private or unspecified address. Code UNSAFE_URL.")
    {
        Field(x => x.Url).Description("The URL refused.");
    }
}

/// <summary>The <c>WebhookError</c> union.</summary>
public sealed class WebhookErrorType : UnionGraphType
{
    public WebhookErrorType()
    {
        Name = "WebhookError";
        Description = "An expected failure of a webhook mutation; nothing was changed.";
        Type<NotFoundErrorType>();
        Type<ConflictErrorType>();
        Type<ValidationErrorType>();
        Type<UnknownEventTypeErrorType>();
        Type<EventNotAllowedErrorType>();
        Type<UnsafeUrlErrorType>();
    }
}
