using Platform.Domain.Events;

namespace Platform.Domain.Referrals;

/// <summary>A reward owed to a referrer for one referral, earned only by a paying referred client (R3).</summary>
public class Reward : Entity
{
    /// <summary>Referral the reward is for.</summary>
    public long ReferralId { get; set; }

    /// <summary>Paid order that earned the reward.</summary>
    public long? OrderId { get; set; }

    /// <summary>Reward amount in minor units of <see cref="Currency"/>, after the program's cap.</summary>
    public long AmountMinor { get; set; }

    /// <summary>ISO 4217 currency of the reward.</summary>
    public string Currency { get; set; } = Currencies.Eur;

    /// <summary>Where the reward is in its lifecycle.</summary>
    public RewardStatus Status { get; set; } = RewardStatus.Pending;

    /// <summary>When the referred client's order was paid.</summary>
    public DateTime? EarnedAt { get; set; }

    /// <summary>When the holding period ends and the reward may be approved.</summary>
    public DateTime? ApprovableAt { get; set; }

    /// <summary>When the reward was approved.</summary>
    public DateTime? ApprovedAt { get; set; }

    /// <summary>When the reward was paid out.</summary>
    public DateTime? PaidAt { get; set; }

    /// <summary>Payout that paid the reward.</summary>
    public long? PayoutId { get; set; }

    /// <summary>Why the reward was voided.</summary>
    public string? VoidReason { get; set; }

    /// <summary>When the reward was voided.</summary>
    public DateTime? VoidedAt { get; set; }

    /// <summary>Reward amount.</summary>
    public Money Amount => new(AmountMinor, Currency);

    /// <summary>Moves the reward to <paramref name="to"/>; <see cref="RewardRules"/> decides whether it may.</summary>
    internal void MoveTo(RewardStatus to)
    {
        Record(EventTypes.RewardStatusChanged, new { from = ApiName<RewardStatus>(Status), to = ApiName<RewardStatus>(to) });
        Status = to;
    }
}
