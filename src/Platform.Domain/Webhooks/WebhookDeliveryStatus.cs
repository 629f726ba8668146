namespace Platform.Domain.Webhooks;

/// <summary>Where a webhook delivery stands.</summary>
public enum WebhookDeliveryStatus
{
    /// <summary>Not delivered yet: waiting for its first attempt or its next retry.</summary>
    Pending,

    /// <summary>The receiver answered 2xx.</summary>
    Succeeded,

    /// <summary>Every retry failed; <c>redeliverWebhook</c> tries again.</summary>
    Failed,
}
