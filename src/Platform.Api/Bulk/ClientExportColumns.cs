using Platform.Domain.Clients;
using Platform.Domain.Leads;
using Platform.Domain.Staff;
using static Platform.Api.Bulk.ExportColumn<Platform.Domain.Clients.Client>;

namespace Platform.Api.Bulk;

/// <summary>
/// The fields of an exported client: those the <c>Client</c> type stores. Its connections and the figures computed
/// from its orders (<c>paidOrderCount</c> … <c>isSleeping</c>) are not exported; <c>ORDERS</c> holds the orders they come from.
/// </summary>
public static class ClientExportColumns
{
    public static readonly ExportColumns<Client> Columns = new(
        Id(x => x.Id),
        Time("createdAt", x => x.CreatedAt),
        Time("updatedAt", x => x.UpdatedAt),
        Number("version", x => x.Version),
        Text("name", x => x.Name),
        Enum<ClientKind>("kind", x => x.Kind),
        Text("taxId", x => x.TaxId),
        Text("okpo", x => x.Okpo),
        Text("registrationNumber", x => x.RegistrationNumber),
        Text("industry", x => x.Industry),
        Text("region", x => x.Region),
        Flag("isBudgetary", x => x.IsBudgetary),
        Number("employeeCount", x => x.EmployeeCount),
        Text("email", x => x.Email),
        Text("phone", x => x.Phone),
        Text("website", x => x.Website),
        Text("notes", x => x.Notes),
        Enum<LoyaltyCategory>("loyaltyCategory", x => x.LoyaltyCategory),
        Time("loyaltyCategoryChangedAt", x => x.LoyaltyCategoryChangedAt),
        Enum<ClientSegment>("segment", x => x.Segment),
        Reference<StaffUser>("owner", x => x.OwnerId),
        Reference<Lead>("originLead", x => x.OriginLeadId));
}
