namespace Platform.Domain.Referrals;

/// <summary>
/// A partner organisation — ad agency, system integrator, lead-generation contractor, dealer or
/// adjacent business — that refers leads, receives distributed leads and is paid rewards. A
/// partner's systems see only the partner's own referrals and rewards.
/// </summary>
public class Partner : Entity
{
    /// <summary>Partner's name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Kind of partner.</summary>
    public PartnerType Type { get; set; }

    /// <summary>Regions the partner covers, comma-separated; dealers receive leads of these regions.</summary>
    public string? Regions { get; set; }

    /// <summary>E-mail of the partner's contact person.</summary>
    public string? ContactEmail { get; set; }

    /// <summary>OAuth client id the partner's systems authenticate with; binds API calls to this partner.</summary>
    public string? ApiClientId { get; set; }

    /// <summary>Whether the partnership is active; inactive partners' codes stop attributing.</summary>
    public bool IsActive { get; set; } = true;
}
