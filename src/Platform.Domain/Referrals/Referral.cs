namespace Platform.Domain.Referrals;

/// <summary>
/// The attribution of one lead to a referrer (a partner or a client) under a program; the first
/// valid attribution wins, so a lead has at most one referral.
/// </summary>
public class Referral : Entity
{
    /// <summary>Program whose terms apply.</summary>
    public long ProgramId { get; set; }

    /// <summary>Code the lead came with, if any (a partner's own credentials need no code).</summary>
    public long? ReferralCodeId { get; set; }

    /// <summary>Referring partner, if the referrer is a partner.</summary>
    public long? PartnerId { get; set; }

    /// <summary>Referring client, if the referrer is a client.</summary>
    public long? ReferrerClientId { get; set; }

    /// <summary>The referred lead; unique.</summary>
    public long LeadId { get; set; }

    /// <summary>Client the referred lead became, once converted.</summary>
    public long? ClientId { get; set; }

    /// <summary>State of the referral.</summary>
    public ReferralStatus Status { get; set; } = ReferralStatus.Referred;

    /// <summary>When the lead was attributed; the attribution window counts from here.</summary>
    public DateTime AttributedAt { get; set; }

    /// <summary>When the referred lead became a client.</summary>
    public DateTime? ConvertedAt { get; set; }

    /// <summary>Why the referral was rejected.</summary>
    public string? RejectionReason { get; set; }

    /// <summary>Rewards granted for this referral.</summary>
    public ICollection<Reward> Rewards { get; set; } = new List<Reward>();
}
