using Platform.Domain.Referrals;
using static Platform.Domain.Referrals.ReferralStatus;

namespace Platform.Domain.Tests.Referrals;

public class ReferralStatusTests
{
    private static readonly DateTime At = new(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Convert_AReferredLeadThatBecameAClient()
    {
        var referral = new Referral();

        referral.Convert(At);

        Assert.Equal((Converted, At), (referral.Status, referral.ConvertedAt!.Value));
    }

    [Theory]
    [InlineData(Converted)]
    [InlineData(Rewarded)]
    [InlineData(Rejected)]
    public void Convert_OnlyOnce_FromReferred(ReferralStatus status)
    {
        var referral = new Referral { Status = status };

        Assert.Throws<InvalidOperationException>(() => referral.Convert(At));
        Assert.Equal(status, referral.Status);
    }

    [Fact]
    public void Reject_KeepsTheReason()
    {
        var referral = new Referral { Status = Converted };

        referral.Reject("Already a paying client.");

        Assert.Equal((Rejected, "Already a paying client."), (referral.Status, referral.RejectionReason));
    }

    [Fact]
    public void MarkRewarded_ClearsAnEarlierRejection()
    {
        var referral = new Referral { Status = Converted, RejectionReason = "The referred lead was refused." };

        referral.MarkRewarded();

        Assert.Equal((Rewarded, null), (referral.Status, referral.RejectionReason));
    }

    [Fact]
    public void WithdrawReward_LeavesTheReferralConverted()
    {
        var referral = new Referral { Status = Rewarded };

        referral.WithdrawReward();

        Assert.Equal(Converted, referral.Status);
    }
}
