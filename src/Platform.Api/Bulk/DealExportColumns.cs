using Platform.Domain;
using Platform.Domain.Clients;
using Platform.Domain.Deals;
using Platform.Domain.Leads;
using Platform.Domain.Staff;
using static Platform.Api.Bulk.ExportColumn<Platform.Domain.Deals.Deal>;

namespace Platform.Api.Bulk;

/// <summary>The fields of an exported deal: those of the <c>Deal</c> type but its <c>stageChanges</c> connection.</summary>
public static class DealExportColumns
{
    public static readonly ExportColumns<Deal> Columns = new(
        Id(x => x.Id),
        Time("createdAt", x => x.CreatedAt),
        Time("updatedAt", x => x.UpdatedAt),
        Number("version", x => x.Version),
        Text("title", x => x.Title),
        Enum<DealKind>("kind", x => x.Kind),
        Money("amount", x => x.Amount),
        Money("proposedPrice", x => x.ProposedPrice),
        Text("requirements", x => x.Requirements),
        Time("proposalSentAt", x => x.ProposalSentAt),
        Text("contractRef", x => x.ContractRef),
        Text("invoiceRef", x => x.InvoiceRef),
        Enum<RefusedBy>("lostRefusedBy", x => x.LostRefusedBy),
        Text("lostReason", x => x.LostReason),
        Time("closedAt", x => x.ClosedAt),
        Time("handoffIntroducedAt", x => x.HandoffIntroducedAt),
        Time("handoffPlannerProjectAt", x => x.HandoffPlannerProjectAt),
        Time("handoffDocumentsSharedAt", x => x.HandoffDocumentsSharedAt),
        Time("handoffToProjectManagerAt", x => x.HandoffToProjectManagerAt),
        Text("handoffProjectManager", x => x.HandoffProjectManager),
        Flag("isHandedOff", x => x.IsHandedOff),
        Reference<Client>("client", x => x.ClientId),
        Reference<Lead>("lead", x => x.LeadId),
        Reference<Pipeline>("pipeline", x => x.PipelineId),
        Reference<PipelineStage>("stage", x => x.StageId),
        Reference<StaffUser>("owner", x => x.OwnerId));
}
