namespace Platform.Domain.Referrals;

/// <summary>
/// The reward lifecycle (R3) as pure rules: <c>Pending</c> at conversion,
/// <c>Earned</c> at the referred client's first paid order within the attribution window,
/// <c>Approved</c> once the holding period has passed, <c>Paid</c> by a payout; a refund within
/// the holding period voids it. Each rule changes the reward only when the transition is allowed
/// and says whether it did.
/// </summary>
public static class RewardRules
{
    /// <summary>The reward a referral gets when its lead converts: pending, nothing owed yet.</summary>
    public static Reward Pending(Referral referral, ReferralProgram program) => new()
    {
        ReferralId = referral.Id,
        Currency = program.Currency,
        Status = RewardStatus.Pending,
    };

    /// <summary>
    /// The reward at conversion (R3: only referred <i>real</i> clients are rewarded): pending, or void at
    /// once when the lead converted into a client that had already paid an order — the referrer did not
    /// bring that client.
    /// </summary>
    public static Reward AtConversion(Referral referral, ReferralProgram program, bool clientHadPaid, DateTime now)
    {
        var reward = Pending(referral, program);
        if (clientHadPaid)
            Void(reward, "The referred person was already a paying client (R3).", now);
        return reward;
    }

    /// <summary>
    /// What the program pays for a paid order: a percentage (basis points) of its net amount or a
    /// fixed amount, capped per referral; non-monetary rewards (discount, service time) are worth 0.
    /// </summary>
    public static long AmountFor(ReferralProgram program, long paidNetMinor)
    {
        var amount = program.RewardType switch
        {
            RewardType.PercentOfSale => (long)Math.Round(paidNetMinor * (decimal)program.RewardValue / 10_000m, MidpointRounding.ToEven),
            RewardType.FixedAmount or RewardType.Bonus => program.RewardValue,
            _ => 0,
        };
        return program.CapPerReferralMinor is { } cap ? Math.Min(amount, cap) : amount;
    }

    /// <summary>
    /// R3: the referred client's first paid order earns a pending reward, held for the program's
    /// holding period; a first payment after the attribution window voids it instead.
    /// </summary>
    public static bool Earn(Reward reward, Referral referral, ReferralProgram program, long orderId, long paidNetMinor, DateTime now)
    {
        if (reward.Status != RewardStatus.Pending)
            return false;
        if (now > referral.AttributedAt.AddDays(program.AttributionWindowDays))
            return Void(reward, $"The first paid order came after the {program.AttributionWindowDays}-day attribution window.", now);
        reward.MoveTo(RewardStatus.Earned);
        reward.OrderId = orderId;
        reward.AmountMinor = AmountFor(program, paidNetMinor);
        reward.Currency = program.Currency;
        reward.EarnedAt = now;
        reward.ApprovableAt = now.AddDays(program.HoldingPeriodDays);
        return true;
    }

    /// <summary>An earned reward whose holding period has passed is approved for payout.</summary>
    public static bool Approve(Reward reward, DateTime now)
    {
        if (reward.Status != RewardStatus.Earned || reward.ApprovableAt is not { } due || now < due)
            return false;
        reward.MoveTo(RewardStatus.Approved);
        reward.ApprovedAt = now;
        return true;
    }

    /// <summary>A refund of the earning order within the holding period voids the reward; later refunds change nothing.</summary>
    public static bool Refund(Reward reward, long orderId, DateTime now) =>
        reward.Status == RewardStatus.Earned && reward.OrderId == orderId && reward.ApprovableAt is { } due && now < due
        && Void(reward, "The order that earned the reward was refunded within the holding period.", now);

    /// <summary>An approved reward is paid by a payout.</summary>
    public static bool Pay(Reward reward, long payoutId, DateTime now)
    {
        if (reward.Status != RewardStatus.Approved)
            return false;
        reward.MoveTo(RewardStatus.Paid);
        reward.PayoutId = payoutId;
        reward.PaidAt = now;
        return true;
    }

    private static bool Void(Reward reward, string reason, DateTime now)
    {
        reward.MoveTo(RewardStatus.Void);
        reward.VoidReason = reason;
        reward.VoidedAt = now;
        return true;
    }
}
