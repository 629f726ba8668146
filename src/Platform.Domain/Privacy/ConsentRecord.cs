using Platform.Domain.Leads;

namespace Platform.Domain.Privacy;

/// <summary>
/// The evidence of a person's marketing consent, one per accepted submission (a new lead or a repeat touch): which
/// consent text version was shown, whether the person agreed, when, on which page, from which address and browser.
/// </summary>
public class ConsentRecord : Entity
{
    /// <summary>The longest user agent kept; a longer one is cut.</summary>
    public const int UserAgentLength = 1000;

    /// <summary>The lead the submission made or touched.</summary>
    public long LeadId { get; set; }

    /// <summary>The lead the submission made or touched.</summary>
    public Lead Lead { get; set; } = null!;

    /// <summary>The consent text version the form showed, when it named one.</summary>
    public long? ConsentTextId { get; set; }

    /// <summary>Whether the person agreed to marketing communication.</summary>
    public bool Granted { get; set; }

    /// <summary>When the person agreed or declined (the submission time unless the form said).</summary>
    public DateTime GivenAt { get; set; }

    /// <summary>The page the form was on.</summary>
    public string? PageUrl { get; set; }

    /// <summary>The submitter's IP address, if known.</summary>
    public string? IpAddress { get; set; }

    /// <summary>The submitter's browser (<c>User-Agent</c>), if sent.</summary>
    public string? UserAgent { get; set; }

    /// <summary>Irreversibly removes what identifies the person; whether and when they agreed stays.</summary>
    public void Erase()
    {
        PageUrl = null;
        IpAddress = null;
        UserAgent = null;
    }
}
