namespace Platform.Domain.Referrals;

/// <summary>State of a referral: Referred → Converted → Rewarded, or Rejected.</summary>
public enum ReferralStatus
{
    /// <summary>The referred lead is being worked.</summary>
    Referred,

    /// <summary>The referred lead became a client.</summary>
    Converted,

    /// <summary>A reward was granted for it.</summary>
    Rewarded,

    /// <summary>Not eligible (duplicate, outside the window, lost).</summary>
    Rejected,
}
