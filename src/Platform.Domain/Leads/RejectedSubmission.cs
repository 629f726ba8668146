namespace Platform.Domain.Leads;

/// <summary>
/// A lead submission rejected as spam (honeypot filled, form filled too fast, form token missing, invalid or reused): logged
/// so spam can be counted per landing key and reason, never stored as a lead.
/// </summary>
public class RejectedSubmission : Entity
{
    /// <summary>Landing key or API client the submission came with, if any.</summary>
    public string? Source { get; set; }

    /// <summary>Why it was rejected.</summary>
    public SpamReason Reason { get; set; }

    /// <summary>Client IP address of the request, if known.</summary>
    public string? IpAddress { get; set; }

    /// <summary>When it was rejected.</summary>
    public DateTime RejectedAt { get; set; }
}
