namespace Platform.Domain.Referrals;

/// <summary>
/// A code a referrer hands out; a lead submitted with a valid code is attributed to its referrer —
/// a partner or an existing client ("refer a friend"). Each referrer may have several codes.
/// </summary>
public class ReferralCode : Entity
{
    /// <summary>The code itself, unique, e.g. <c>ACME-2025</c>.</summary>
    public string Code { get; set; } = "";

    /// <summary>Program whose terms apply.</summary>
    public long ProgramId { get; set; }

    /// <summary>The program whose terms apply.</summary>
    public ReferralProgram Program { get; set; } = null!;

    /// <summary>Partner the code belongs to, if the referrer is a partner.</summary>
    public long? PartnerId { get; set; }

    /// <summary>Client the code belongs to, if the referrer is a client.</summary>
    public long? ReferrerClientId { get; set; }

    /// <summary>When the code stops attributing; null = never.</summary>
    public DateTime? ExpiresAt { get; set; }

    /// <summary>When the code was revoked; a revoked code never attributes.</summary>
    public DateTime? RevokedAt { get; set; }
}
