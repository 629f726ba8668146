namespace Platform.Domain.Leads;

/// <summary>Why a submission was rejected as spam.</summary>
public enum SpamReason
{
    /// <summary>The hidden honeypot field was filled, which only bots do.</summary>
    Honeypot,

    /// <summary>The form was submitted faster after rendering than a person can fill it.</summary>
    TooFast,

    /// <summary>Too many submissions from one key or IP address in a short time.</summary>
    RateLimited,
}
