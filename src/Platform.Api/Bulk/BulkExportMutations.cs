using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain.Bulk;
using Platform.GraphQL.Server.Mutations;

namespace Platform.Api.Bulk;

/// <summary>The bulk export fields of the root mutation.</summary>
public static class BulkExportMutations
{
    public static void AddBulkExportMutations(this ObjectGraphType mutation)
    {
        mutation.InputMutation<BulkExportPayloadType, StartBulkExportInputType>("startBulkExport",
                "Starts exporting every object of a type that matches a filter, as the caller (only what the caller may read), into a gzip JSON Lines file; returns the export `QUEUED`. One export per caller is queued or running at a time.",
                "The type, its filter and the fields of each row.")
            .Resolve((BulkExportService exports, StartBulkExportInput input, CancellationToken ct) => exports.StartAsync(input, ct));
        mutation.InputMutation<BulkExportPayloadType, CancelBulkExportInputType>("cancelBulkExport",
                "Cancels a queued or running export: it stops within a page of rows and its partial file is deleted.",
                "The export.")
            .Resolve((BulkExportService exports, CancelBulkExportInput input, CancellationToken ct) =>
                exports.CancelAsync(GlobalIds.Decode<BulkExport>(input.ExportId, "input.exportId"), input.ExportId, ct));
    }
}
