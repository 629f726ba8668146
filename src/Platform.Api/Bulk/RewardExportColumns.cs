using Platform.Domain.Referrals;
using static Platform.Api.Bulk.ExportColumn<Platform.Domain.Referrals.Reward>;

namespace Platform.Api.Bulk;

/// <summary>The fields of an exported reward: those of the <c>Reward</c> type.</summary>
public static class RewardExportColumns
{
    public static readonly ExportColumns<Reward> Columns = new(
        Id(x => x.Id),
        Time("createdAt", x => x.CreatedAt),
        Time("updatedAt", x => x.UpdatedAt),
        Number("version", x => x.Version),
        Enum<RewardStatus>("status", x => x.Status),
        Money("amount", x => x.Amount),
        Time("earnedAt", x => x.EarnedAt),
        Time("approvableAt", x => x.ApprovableAt),
        Time("approvedAt", x => x.ApprovedAt),
        Time("paidAt", x => x.PaidAt),
        Text("voidReason", x => x.VoidReason),
        Time("voidedAt", x => x.VoidedAt),
        Reference<Referral>("referral", x => x.ReferralId),
        Reference<Payout>("payout", x => x.PayoutId));
}
