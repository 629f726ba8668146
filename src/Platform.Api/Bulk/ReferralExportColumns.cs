using Platform.Domain.Clients;
using Platform.Domain.Leads;
using Platform.Domain.Referrals;
using static Platform.Api.Bulk.ExportColumn<Platform.Domain.Referrals.Referral>;

namespace Platform.Api.Bulk;

/// <summary>The fields of an exported referral: those of the <c>Referral</c> type but its <c>rewards</c> connection.</summary>
public static class ReferralExportColumns
{
    public static readonly ExportColumns<Referral> Columns = new(
        Id(x => x.Id),
        Time("createdAt", x => x.CreatedAt),
        Time("updatedAt", x => x.UpdatedAt),
        Number("version", x => x.Version),
        Enum<ReferralStatus>("status", x => x.Status),
        Time("attributedAt", x => x.AttributedAt),
        Time("convertedAt", x => x.ConvertedAt),
        Text("rejectionReason", x => x.RejectionReason),
        Reference<ReferralProgram>("program", x => x.ProgramId),
        Reference<Partner>("partner", x => x.PartnerId),
        Reference<Client>("referrerClient", x => x.ReferrerClientId),
        Reference<Lead>("lead", x => x.LeadId));
}
