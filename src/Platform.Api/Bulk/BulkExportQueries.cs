using GraphQL;
using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain.Bulk;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Bulk;

/// <summary>The bulk export fields of the root query: the caller's own exports.</summary>
public static class BulkExportQueries
{
    private static readonly KeysetOrder<BulkExport> NewestFirst = KeysetOrder<BulkExport>.By("ID_DESC", x => x.Id, descending: true);

    public static void AddBulkExportQueries(this ObjectGraphType query)
    {
        query.Field<BulkExportGraphType>("bulkExport")
            .Description("One of the caller's bulk exports, with its status and, once completed, its download link; null when the caller has none with that ID.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The export's global ID.")
            .ResolveAsync(async context => await Exports(context).FindAsync(GlobalIds.Decode<BulkExport>(context.GetArgument<string>("id"), "id"), context.CancellationToken));
        query.Field<NonNullGraphType<ConnectionGraphType<BulkExportGraphType, BulkExport>>>("bulkExports")
            .Description("The caller's bulk exports, newest first, paged by cursor.")
            .PagingArguments()
            .ResolveAsync(async context => await KeysetPaging.PageAsync(Exports(context).Exports(), PageRequest.From(context), NewestFirst, context.CancellationToken));
    }

    public static BulkExportService Exports(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<BulkExportService>();
}
