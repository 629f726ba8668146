using Platform.Domain.Referrals;

namespace Platform.Domain.Tests.Referrals;

/// <summary>The reward lifecycle (R3), rule by rule.</summary>
public sealed class RewardRulesTests
{
    private static readonly DateTime Attributed = new(2026, 1, 10, 9, 0, 0, DateTimeKind.Utc);

    private static ReferralProgram Program(RewardType type = RewardType.PercentOfSale, long value = 1000, long? cap = 500_00) => new()
    {
        RewardType = type,
        RewardValue = value,
        CapPerReferralMinor = cap,
        AttributionWindowDays = 90,
        HoldingPeriodDays = 30,
    };

    private static Referral Referral() => new() { Id = 7, AttributedAt = Attributed };

    private static Reward Earned(DateTime at)
    {
        var reward = RewardRules.Pending(Referral(), Program());
        Assert.True(RewardRules.Earn(reward, Referral(), Program(), 42, 100_00, at));
        return reward;
    }

    [Theory]
    [InlineData(RewardType.PercentOfSale, 1000, null, 1234_56, 123_46)] // 10 %, half to even on the final amount
    [InlineData(RewardType.PercentOfSale, 1000, 500_00L, 9000_00, 500_00)] // capped
    [InlineData(RewardType.PercentOfSale, 250, 500_00L, 1000_00, 25_00)]
    [InlineData(RewardType.FixedAmount, 150_00, null, 10_00, 150_00)]
    [InlineData(RewardType.FixedAmount, 150_00, 100_00L, 10_00, 100_00)] // a fixed amount is capped too
    [InlineData(RewardType.Bonus, 50_00, null, 10_00, 50_00)]
    [InlineData(RewardType.Discount, 500, null, 1000_00, 0)] // not money owed to the referrer
    [InlineData(RewardType.ExtraServiceTime, 120, null, 1000_00, 0)]
    public void AmountFor_FollowsTheProgram(RewardType type, long value, long? cap, long paidNet, long expected) =>
        Assert.Equal(expected, RewardRules.AmountFor(Program(type, value, cap), paidNet));

    [Theory]
    [InlineData(false, RewardStatus.Pending)]
    [InlineData(true, RewardStatus.Void)] // R3: the referrer did not bring a client that already paid
    public void AtConversion_IsPending_UnlessTheClientHadAlreadyPaid(bool clientHadPaid, RewardStatus expected)
    {
        var reward = RewardRules.AtConversion(Referral(), Program(), clientHadPaid, Attributed.AddDays(3));

        Assert.Equal(expected, reward.Status);
        Assert.Equal(clientHadPaid, reward.VoidReason is not null);
        Assert.Equal(!clientHadPaid, RewardRules.Earn(reward, Referral(), Program(), 42, 2000_00, Attributed.AddDays(4))); // a void reward never earns
        Assert.Equal(clientHadPaid ? 0 : 200_00, reward.AmountMinor);
    }

    [Theory]
    [InlineData(0, RewardStatus.Earned)]
    [InlineData(90, RewardStatus.Earned)] // the last day of the window still earns
    [InlineData(91, RewardStatus.Void)]
    public void Earn_WithinTheAttributionWindowOnly(int daysAfterAttribution, RewardStatus expected)
    {
        var reward = RewardRules.Pending(Referral(), Program());

        Assert.True(RewardRules.Earn(reward, Referral(), Program(), 42, 2000_00, Attributed.AddDays(daysAfterAttribution)));

        Assert.Equal(expected, reward.Status);
        Assert.Equal(expected == RewardStatus.Earned ? 200_00 : 0, reward.AmountMinor);
        Assert.Equal(expected == RewardStatus.Earned ? Attributed.AddDays(daysAfterAttribution + 30) : null, reward.ApprovableAt);
        Assert.Equal(expected == RewardStatus.Void, reward.VoidReason is not null);
    }

    [Theory]
    [InlineData(RewardStatus.Earned, false)]
    [InlineData(RewardStatus.Approved, false)]
    [InlineData(RewardStatus.Paid, false)]
    [InlineData(RewardStatus.Void, false)]
    [InlineData(RewardStatus.Pending, true)]
    public void Earn_OnlyOnce_TheFirstPaidOrderWins(RewardStatus status, bool changes)
    {
        var reward = new Reward { Status = status };

        Assert.Equal(changes, RewardRules.Earn(reward, Referral(), Program(), 43, 100_00, Attributed));
    }

    [Theory]
    [InlineData(29, RewardStatus.Earned)]
    [InlineData(30, RewardStatus.Approved)]
    [InlineData(45, RewardStatus.Approved)]
    public void Approve_AfterTheHoldingPeriod(int daysAfterEarning, RewardStatus expected)
    {
        var reward = Earned(Attributed);

        RewardRules.Approve(reward, Attributed.AddDays(daysAfterEarning));

        Assert.Equal(expected, reward.Status);
    }

    [Theory]
    [InlineData(RewardStatus.Pending)]
    [InlineData(RewardStatus.Void)]
    [InlineData(RewardStatus.Paid)]
    public void Approve_OnlyEarnedRewards(RewardStatus status) =>
        Assert.False(RewardRules.Approve(new Reward { Status = status, ApprovableAt = Attributed }, Attributed.AddDays(100)));

    [Theory]
    [InlineData(1, 42, RewardStatus.Void)]
    [InlineData(29, 42, RewardStatus.Void)]
    [InlineData(30, 42, RewardStatus.Earned)] // the holding period is over: the reward stands
    [InlineData(1, 99, RewardStatus.Earned)] // another order's refund
    public void Refund_WithinTheHoldingPeriod_Voids(int daysAfterEarning, long refundedOrderId, RewardStatus expected)
    {
        var reward = Earned(Attributed);

        RewardRules.Refund(reward, refundedOrderId, Attributed.AddDays(daysAfterEarning));

        Assert.Equal(expected, reward.Status);
        Assert.Equal(expected == RewardStatus.Void, reward.VoidReason is not null && reward.VoidedAt is not null);
    }

    [Fact]
    public void Refund_OfAnApprovedReward_ChangesNothing()
    {
        var reward = Earned(Attributed);
        RewardRules.Approve(reward, Attributed.AddDays(30));

        Assert.False(RewardRules.Refund(reward, 42, Attributed.AddDays(31)));
        Assert.Equal(RewardStatus.Approved, reward.Status);
    }

    [Theory]
    [InlineData(RewardStatus.Approved, true)]
    [InlineData(RewardStatus.Earned, false)]
    [InlineData(RewardStatus.Pending, false)]
    [InlineData(RewardStatus.Paid, false)]
    [InlineData(RewardStatus.Void, false)]
    public void Pay_OnlyApprovedRewards(RewardStatus status, bool paid)
    {
        var reward = new Reward { Status = status };

        Assert.Equal(paid, RewardRules.Pay(reward, 5, Attributed));

        Assert.Equal(paid ? 5 : null, reward.PayoutId);
        Assert.Equal(paid ? RewardStatus.Paid : status, reward.Status);
    }
}
