namespace Platform.Domain.Leads;

/// <summary>Why a submission was rejected as spam.</summary>
public enum SpamReason
{
    /// <summary>The hidden honeypot field was filled, which only bots do.</summary>
    Honeypot,

    /// <summary>The form was submitted faster after rendering (or after its form token was issued) than a person can fill it.</summary>
    TooFast,

    /// <summary>Too many submissions from one key or IP address in a short time.</summary>
    RateLimited,

    /// <summary>A landing page sent no form token: a page fetches one when it shows the form, a bot that posts directly has none.</summary>
    FormTokenMissing,

    /// <summary>The form token is malformed, not signed by this service, or issued to another landing page.</summary>
    FormTokenInvalid,

    /// <summary>The form token was already used by another submission.</summary>
    FormTokenReused,
}
