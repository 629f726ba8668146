using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Options;
using Platform.Domain.Bulk;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Bulk;

/// <summary>The <c>BulkExport</c> object type.</summary>
public sealed class BulkExportGraphType : ObjectGraphType<BulkExport>
{
    public const string TypeName = "BulkExport";

    public BulkExportGraphType()
    {
        Name = TypeName;
        Description = "A whole data set written as one gzip JSON Lines file, as a job, for the caller who started it and holding only what that caller may read. See docs/bulk.md.";
        Interface<NodeInterfaceType>();
        Field<NonNullGraphType<IdGraphType>>("id").Description("The opaque global ID; `bulkExport(id:)` and `node(id:)` fetch the export again.").Resolve(c => GlobalId.Encode(Name, c.Source.Id));
        Field(x => x.Type).Description("The type of the rows.");
        Field(x => x.Status).Description("Where the export stands; poll until `COMPLETED`, `FAILED` or `CANCELLED`.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("fields").Description("The fields of each row, in the order written.").Resolve(c => c.Source.Fields.Split(','));
        Field<NonNullGraphType<LongGraphType>>("rowCount").Description("Rows in the file; 0 until `COMPLETED`.").Resolve(c => c.Source.RowCount);
        Field<NonNullGraphType<LongGraphType>>("bytes").Description("Size of the gzip file in bytes; 0 until `COMPLETED`.").Resolve(c => c.Source.Bytes);
        Field(x => x.CreatedAt).Description("When the export was started (UTC); time-dependent filters such as `overdue` hold at this time.");
        Field(x => x.StartedAt, nullable: true).Description("When a node last began writing it (UTC).");
        Field(x => x.FinishedAt, nullable: true).Description("When it completed, failed or was cancelled (UTC).");
        Field(x => x.ExpiresAt, nullable: true).Description("When the file is deleted (UTC); after that `url` is null. An erasure moves it earlier (`erasedAt`).");
        Field(x => x.Error, nullable: true).Description("Why it failed.");
        Field(x => x.ErasedAt, nullable: true).Description("When the file was deleted before `expiresAt` because a person was erased (`erasePerson`) whose data it may hold (`LEADS`, `CLIENTS`, `ACTIVITIES`); the export stays `COMPLETED` without `url`. Start it again for the data as it is now.");
        Field<StringGraphType>("url")
            .Description("Where to download the file (`COMPLETED` only): a signed link that needs no token, valid until `urlExpiresAt`; read it again for a fresh one. The answer is the gzip file (`application/gzip`), one JSON object per line.")
            .Resolve(c => Link(c) is { } link ? BulkExportDownload.Url(c.RequestServices!.GetRequiredService<IHttpContextAccessor>().HttpContext!.Request, link.Token) : null);
        Field<DateTimeGraphType>("urlExpiresAt").Description("Until when `url` works (UTC).").Resolve(c => Link(c)?.ExpiresAt);
    }

    private static (string Token, DateTime ExpiresAt)? Link(IResolveFieldContext<BulkExport> context)
    {
        var export = context.Source;
        if (export.Status != BulkExportStatus.Completed || export.FileName is null || export.ExpiresAt is not { } fileExpiresAt)
            return null;
        var services = context.RequestServices!;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        if (fileExpiresAt <= now)
            return null;
        var expiresAt = new DateTime(Math.Min(fileExpiresAt.Ticks, (now + services.GetRequiredService<IOptions<BulkExportOptions>>().Value.LinkLifetime).Ticks), DateTimeKind.Utc);
        return (services.GetRequiredService<BulkExportLinks>().Sign(export.Id, expiresAt), expiresAt);
    }
}
