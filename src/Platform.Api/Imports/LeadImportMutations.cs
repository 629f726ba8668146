using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain.Imports;
using Platform.GraphQL.Server.Mutations;

namespace Platform.Api.Imports;

/// <summary>The lead import fields of the root mutation.</summary>
public static class LeadImportMutations
{
    public static void AddLeadImportMutations(this ObjectGraphType mutation)
    {
        mutation.InputMutation<LeadImportPayloadType, ImportLeadsInputType>("importLeads",
                "Starts importing the leads of a file uploaded with `POST /imports/files`; returns the import `QUEUED`. Each row is a `submitLead` of the caller: validated, a repeat touch when the person has an open lead, attributed and assigned as a submission is. "
                + "Importing the same file again stores none of its rows twice (each row's idempotency key is the file's SHA-256 and the row's number). Poll `leadImport(id:)` and download the per-row results from `resultsUrl`.",
                "The file, its format, the column mapping and defaults.")
            .Resolve((LeadImportService imports, ImportLeadsInput input, CancellationToken ct) => imports.StartAsync(input, ct));
        mutation.InputMutation<LeadImportPayloadType, CancelLeadImportInputType>("cancelLeadImport",
                "Cancels a queued or running import: it stops after the batch of rows in progress; the rows imported before stay imported.",
                "The import.")
            .Resolve((LeadImportService imports, CancelLeadImportInput input, CancellationToken ct) =>
                imports.CancelAsync(GlobalIds.Decode<LeadImport>(input.ImportId, "input.importId"), input.ImportId, ct));
    }
}
