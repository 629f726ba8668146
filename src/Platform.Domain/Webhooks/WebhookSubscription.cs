namespace Platform.Domain.Webhooks;

/// <summary>
/// A receiver of signed event deliveries (webhooks): a URL and the event types it wants, owned by the API client or
/// staff user that created it. What its owner may read is fixed when it is created or changed, and every delivery is
/// limited to that.
/// </summary>
public class WebhookSubscription : Entity
{
    /// <summary>Who owns it: the OAuth client id of a machine client, or <c>staff:</c> and the staff user's id.</summary>
    public string OwnerKey { get; set; } = "";

    /// <summary>The owner's partner, for a partner's client: it receives only that partner's events.</summary>
    public long? PartnerId { get; set; }

    /// <summary>For a manager: the staff user whose leads' events alone it receives.</summary>
    public long? LeadOwnerId { get; set; }

    /// <summary>Where events are POSTed.</summary>
    public string Url { get; set; } = "";

    /// <summary>The event types delivered, comma-separated.</summary>
    public string Events { get; set; } = "";

    /// <summary>What the receiver is for, in the owner's words.</summary>
    public string? Description { get; set; }

    /// <summary>The signing secret, <c>whsec_</c> and base64.</summary>
    public string Secret { get; set; } = "";

    /// <summary>The secret before the last rotation; deliveries are signed with it too until <see cref="PreviousSecretExpiresAt"/>.</summary>
    public string? PreviousSecret { get; set; }

    /// <summary>Until when the previous secret still signs (UTC).</summary>
    public DateTime? PreviousSecretExpiresAt { get; set; }

    /// <summary>Whether events are delivered; false when its owner switched it off or it failed for too long.</summary>
    public bool IsEnabled { get; set; } = true;

    /// <summary>Why it was disabled, when deliveries failed for too long.</summary>
    public string? DisabledReason { get; set; }

    /// <summary>Since when every attempt failed (UTC); null after a success.</summary>
    public DateTime? FailingSince { get; set; }

    /// <summary>The event types as a list.</summary>
    public IReadOnlyList<string> EventTypes => Events.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
