namespace Platform.Domain.Events;

/// <summary>
/// One committed change, as integrations receive it: written in the transaction of the change itself (a rolled-back
/// change leaves none, a committed one always has its row) and read back in id order. Append-only; not stamped or
/// versioned like the business records. Carries who may receive it, decided when it happened.
/// </summary>
public class OutboxEvent
{
    /// <summary>Database identity; increases with every event, so subscribers catch up by id.</summary>
    public long Id { get; set; }

    /// <summary>The event type, one of <see cref="EventTypes"/>.</summary>
    public string Type { get; set; } = "";

    /// <summary>When the change was saved (UTC).</summary>
    public DateTime OccurredAt { get; set; }

    /// <summary>The changed aggregate's entity type, e.g. <c>Lead</c>.</summary>
    public string AggregateType { get; set; } = "";

    /// <summary>The changed aggregate's database id.</summary>
    public long AggregateId { get; set; }

    /// <summary>The aggregate's version after the change; per aggregate, events are delivered in this order.</summary>
    public int AggregateVersion { get; set; }

    /// <summary>A small JSON object about the change; receivers fetch the record itself by its ID.</summary>
    public string Payload { get; set; } = "{}";

    /// <summary>The partner whose record this is (the referring partner of a lead, referral or reward; the partner paid).</summary>
    public long? PartnerId { get; set; }

    /// <summary>For a lead: the partner it was given to (R12), who may see it too.</summary>
    public long? AssignedPartnerId { get; set; }

    /// <summary>For a lead: its responsible staff user; a manager receives only the events of leads they own.</summary>
    public long? OwnerId { get; set; }

    /// <summary>When the webhook dispatcher made this event's deliveries (UTC); null until then.</summary>
    public DateTime? FannedOutAt { get; set; }
}
