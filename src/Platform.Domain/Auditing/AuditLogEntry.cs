namespace Platform.Domain.Auditing;

/// <summary>
/// One line of the audit log: who did what, through which API client, when and to which records.
/// Every mutation writes one. Append-only: never changed or deleted, and not itself stamped or
/// versioned like the business records.
/// </summary>
public class AuditLogEntry
{
    /// <summary>Database identity of the entry.</summary>
    public long Id { get; set; }

    /// <summary>When the operation happened (UTC).</summary>
    public DateTime At { get; set; }

    /// <summary>Who did it: a staff user's name, or null for an anonymous landing-page caller.</summary>
    public string? Actor { get; set; }

    /// <summary>OAuth client id (or landing key) the call came through; not a CRM client.</summary>
    public string? ClientId { get; set; }

    /// <summary>The operation, e.g. the GraphQL mutation name <c>convertLead</c>.</summary>
    public string Operation { get; set; } = "";

    /// <summary>Ids of the records the operation touched, comma-separated (global or database ids).</summary>
    public string TargetIds { get; set; } = "";

    /// <summary>Details of the operation (input, outcome), a JSON object; never secrets.</summary>
    public string? Details { get; set; }
}
