namespace Platform.Domain.Leads;

/// <summary>What kind of inbound request created the lead.</summary>
public enum RequestType
{
    /// <summary>A consultation request submitted through a form.</summary>
    Consultation,

    /// <summary>
    /// An online preliminary estimate from five drop-down parameters. Never answered with an
    /// automatic commercial proposal: it creates a follow-up task to book a meeting.
    /// </summary>
    OnlineEstimate,

    /// <summary>A demo or sample-report download; must be contacted within 2 hours.</summary>
    DemoDownload,

    /// <summary>A callback request, e.g. from the idle-visitor pop-up.</summary>
    Callback,

    /// <summary>A direct phone call to the company.</summary>
    DirectCall,

    /// <summary>Any other request (e-mail, social message, exhibition, partner hand-over…).</summary>
    Other,
}
