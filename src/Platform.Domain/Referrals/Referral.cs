using Platform.Domain.Events;

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
    /// <remarks>A referral may be created in any status (history brought in from elsewhere); after that it follows its lead and reward (R3) through the methods below.</remarks>
    public ReferralStatus Status { get => _status; init => _status = value; }

    private ReferralStatus _status = ReferralStatus.Referred;

    /// <summary>When the lead was attributed; the attribution window counts from here.</summary>
    public DateTime AttributedAt { get; set; }

    /// <summary>When the referred lead became a client.</summary>
    public DateTime? ConvertedAt { get; set; }

    /// <summary>Why the referral was rejected.</summary>
    public string? RejectionReason { get; set; }

    /// <summary>Rewards granted for this referral.</summary>
    public ICollection<Reward> Rewards { get; set; } = new List<Reward>();

    /// <summary>The referred lead became a client at <paramref name="at"/>; the caller links the client.</summary>
    public void Convert(DateTime at)
    {
        if (Status != ReferralStatus.Referred)
            throw new InvalidOperationException($"A {Status} referral cannot convert.");
        SetStatus(ReferralStatus.Converted);
        ConvertedAt = at;
    }

    /// <summary>The referral earns nothing (R3), for the reason given.</summary>
    public void Reject(string? reason)
    {
        SetStatus(ReferralStatus.Rejected);
        RejectionReason = reason;
    }

    /// <summary>R3: the referred client's first paid order earned the reward; any earlier rejection no longer holds.</summary>
    public void MarkRewarded()
    {
        SetStatus(ReferralStatus.Rewarded);
        RejectionReason = null;
    }

    /// <summary>R3: the order that earned the reward was refunded in time; the referral stays converted, no longer rewarded.</summary>
    public void WithdrawReward() => SetStatus(ReferralStatus.Converted);

    private void SetStatus(ReferralStatus to)
    {
        Record(EventTypes.ReferralStatusChanged, new { from = ApiName<ReferralStatus>(Status), to = ApiName<ReferralStatus>(to) });
        _status = to;
    }
}
