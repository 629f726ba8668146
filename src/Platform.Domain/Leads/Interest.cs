namespace Platform.Domain.Leads;

/// <summary>
/// Anonymous interest: attention shown without an identifiable person (a form without a name, a
/// call without contact data, a social comment). It is not a lead (L2) but is counted
/// for channel reporting and linked to a lead once the person is identified.
/// </summary>
public class Interest : Entity
{
    /// <summary>Channel code the interest came through (see <see cref="LeadChannels"/>).</summary>
    public string Channel { get; set; } = LeadChannels.Other;

    /// <summary>Code of the landing page, if any.</summary>
    public string? LandingPage { get; set; }

    /// <summary>URL of the page where the interest was shown.</summary>
    public string? PageUrl { get; set; }

    /// <summary>HTTP referrer of the page.</summary>
    public string? Referrer { get; set; }

    /// <summary>Anonymous visitor id (cookie) used to link later interest and the lead.</summary>
    public string? VisitorId { get; set; }

    /// <summary>What was submitted or observed, a JSON object.</summary>
    public string? Payload { get; set; }

    /// <summary>When the interest was shown.</summary>
    public DateTime OccurredAt { get; set; }

    /// <summary>Lead the interest was promoted to or linked with, once the person is known.</summary>
    public long? LeadId { get; set; }
}
