namespace Platform.Domain.Leads;

/// <summary>
/// Lifecycle of a lead: New → Assigned → InProgress → Qualified → Converted;
/// Refused and Postponed from any open state; a reactivated lead returns to InProgress. Leads
/// are never deleted, only marked.
/// </summary>
public enum LeadStatus
{
    /// <summary>Just received; nobody is responsible yet.</summary>
    New,

    /// <summary>A responsible manager is assigned; no contact made yet.</summary>
    Assigned,

    /// <summary>Being worked: contacted, needs being identified.</summary>
    InProgress,

    /// <summary>Need, ability to pay and decision authority confirmed; can be converted.</summary>
    Qualified,

    /// <summary>Turned into a client; the client keeps a permanent link to this lead.</summary>
    Converted,

    /// <summary>Refused by us or by the client, with a reason; kept, never deleted.</summary>
    Refused,

    /// <summary>Put aside until a re-contact date; can be reactivated.</summary>
    Postponed,
}
