namespace Platform.Domain.Webhooks;

/// <summary>
/// One event for one webhook subscription, and how its delivery went. Carries a copy of the event, so the outbox row
/// may be deleted once every subscription has its delivery. One subscription's deliveries of one aggregate go out in
/// event order.
/// </summary>
public class WebhookDelivery
{
    /// <summary>Database identity.</summary>
    public long Id { get; set; }

    /// <summary>The subscription it is for.</summary>
    public long SubscriptionId { get; set; }

    /// <summary>The outbox event delivered; null for a test delivery.</summary>
    public long? EventId { get; set; }

    /// <summary>The event type, or <c>webhook.test</c>.</summary>
    public string Type { get; set; } = "";

    /// <summary>When the event happened (UTC).</summary>
    public DateTime OccurredAt { get; set; }

    /// <summary>The changed aggregate's entity type; empty for a test delivery.</summary>
    public string AggregateType { get; set; } = "";

    /// <summary>The changed aggregate's database id.</summary>
    public long AggregateId { get; set; }

    /// <summary>The aggregate's version after the change.</summary>
    public int AggregateVersion { get; set; }

    /// <summary>The event's small JSON payload.</summary>
    public string Payload { get; set; } = "{}";

    /// <summary>Where it stands.</summary>
    public WebhookDeliveryStatus Status { get; set; }

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; set; }

    /// <summary>When the next attempt is due (UTC).</summary>
    public DateTime NextAttemptAt { get; set; }

    /// <summary>Until when a dispatcher holds it (UTC); a dispatcher that died lets it go when this passes.</summary>
    public DateTime? LockedUntil { get; set; }

    /// <summary>When the delivery was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When the last attempt started (UTC).</summary>
    public DateTime? LastAttemptAt { get; set; }

    /// <summary>The HTTP status of the last answer; null when none came (timeout, refused connection).</summary>
    public int? ResponseStatus { get; set; }

    /// <summary>How long the last attempt took, in milliseconds.</summary>
    public int? DurationMs { get; set; }

    /// <summary>Why the last attempt failed.</summary>
    public string? Error { get; set; }

    /// <summary>When the receiver accepted it (UTC).</summary>
    public DateTime? DeliveredAt { get; set; }
}
