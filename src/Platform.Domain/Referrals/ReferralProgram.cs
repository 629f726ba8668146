namespace Platform.Domain.Referrals;

/// <summary>
/// A referral program: what a referrer earns when a referred lead becomes a paying client,
/// within which window, and after which holding period it is paid.
/// </summary>
public class ReferralProgram : Entity
{
    /// <summary>Program name, e.g. "Refer a friend" or "Agency partner program".</summary>
    public string Name { get; set; } = "";

    /// <summary>Conditions in words, shown to referrers.</summary>
    public string? Description { get; set; }

    /// <summary>What the referrer gets.</summary>
    public RewardType RewardType { get; set; }

    /// <summary>
    /// Reward value: basis points for percentages (1000 = 10 %), minor units of
    /// <see cref="Currency"/> for amounts, minutes for extra service time.
    /// </summary>
    public long RewardValue { get; set; }

    /// <summary>ISO 4217 currency of rewards and the cap.</summary>
    public string Currency { get; set; } = Currencies.Eur;

    /// <summary>How many days after the referral a first paid order still earns the reward (default 90).</summary>
    public int AttributionWindowDays { get; set; } = 90;

    /// <summary>Days an earned reward is held before it can be approved; a refund within them voids it (default 30).</summary>
    public int HoldingPeriodDays { get; set; } = 30;

    /// <summary>Largest reward per referral in minor units of <see cref="Currency"/>; null = no cap.</summary>
    public long? CapPerReferralMinor { get; set; }

    /// <summary>First day the program attributes referrals.</summary>
    public DateTime ActiveFrom { get; set; }

    /// <summary>Last moment the program attributes referrals; null = open-ended.</summary>
    public DateTime? ActiveTo { get; set; }

    /// <summary>Whether every partner may refer under the program; otherwise only its eligible partners (<see cref="ReferralProgramPartner"/>). Clients always may.</summary>
    public bool OpenToAllPartners { get; set; } = true;

    /// <summary>Whether the program is switched on.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>Largest reward per referral, if capped.</summary>
    public Money? CapPerReferral => CapPerReferralMinor is { } minor ? new Money(minor, Currency) : null;
}
