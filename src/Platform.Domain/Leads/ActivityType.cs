namespace Platform.Domain.Leads;

/// <summary>Kind of touch or task with a lead, client or deal.</summary>
public enum ActivityType
{
    /// <summary>A phone call (outgoing, incoming or callback).</summary>
    Call,

    /// <summary>An e-mail.</summary>
    Email,

    /// <summary>A message in a social network or messenger.</summary>
    SocialMessage,

    /// <summary>A letter: thank-you after a deal, farewell with a questionnaire after a refusal, holiday greeting, printed advertising.</summary>
    Letter,

    /// <summary>A commercial proposal or price list sent.</summary>
    Proposal,

    /// <summary>A meeting at our office or the client's site (the strongest sales step).</summary>
    Meeting,

    /// <summary>A (free) seminar, possibly a mini-seminar in our meeting room.</summary>
    Seminar,

    /// <summary>A webinar.</summary>
    Webinar,

    /// <summary>A demo, test drive or sample.</summary>
    Demo,

    /// <summary>An internal task, e.g. the follow-up task an online estimate creates or "write a proposal".</summary>
    Task,

    /// <summary>A form submission by the person (a first or repeat touch).</summary>
    FormSubmission,

    /// <summary>Anything else.</summary>
    Other,
}
