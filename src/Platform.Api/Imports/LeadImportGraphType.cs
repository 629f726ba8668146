using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Options;
using Platform.Domain.Imports;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Imports;

/// <summary>The <c>LeadImport</c> object type.</summary>
public sealed class LeadImportGraphType : ObjectGraphType<LeadImport>
{
    public const string TypeName = "LeadImport";

    public LeadImportGraphType()
    {
        Name = TypeName;
        Description = "An import of leads from an uploaded file, run as a job for the caller who started it: every row is a `submitLead` of that caller. See docs/bulk.md.";
        Interface<NodeInterfaceType>();
        Field<NonNullGraphType<IdGraphType>>("id").Description("The opaque global ID; `leadImport(id:)` and `node(id:)` fetch the import again.").Resolve(c => GlobalId.Encode(Name, c.Source.Id));
        Field(x => x.Status).Description("Where the import stands; poll until `COMPLETED`, `FAILED` or `CANCELLED`.");
        Field(x => x.Format).Description("How the file is written.");
        Field<NonNullGraphType<StringGraphType>>("fileId").Description("The uploaded file.").Resolve(c => c.Source.FileId);
        Field<NonNullGraphType<StringGraphType>>("fileSha256").Description("The SHA-256 of the file (hex): importing a file with the same hash again stores none of its rows twice.").Resolve(c => c.Source.FileSha256);
        Field<NonNullGraphType<LongGraphType>>("rowCount").Description("Rows processed so far (the file's rows once `COMPLETED`).").Resolve(c => c.Source.RowCount);
        Field<NonNullGraphType<LongGraphType>>("createdCount").Description("Rows that created a lead.").Resolve(c => c.Source.CreatedCount);
        Field<NonNullGraphType<LongGraphType>>("touchedCount").Description("Rows whose person had an open lead of the last 30 days: recorded on it as a repeat touch.").Resolve(c => c.Source.TouchedCount);
        Field<NonNullGraphType<LongGraphType>>("rejectedCount").Description("Rows refused (the results file says why, per field); nothing of them was stored.").Resolve(c => c.Source.RejectedCount);
        Field<NonNullGraphType<LongGraphType>>("unchangedCount").Description("Rows an earlier import of the same file already stored; nothing was stored again.").Resolve(c => c.Source.UnchangedCount);
        Field(x => x.CreatedAt).Description("When the import was started (UTC).");
        Field(x => x.StartedAt, nullable: true).Description("When a node last began or resumed it (UTC).");
        Field(x => x.FinishedAt, nullable: true).Description("When it completed, failed or was cancelled (UTC).");
        Field(x => x.Error, nullable: true).Description("Why it failed.");
        Field<StringGraphType>("resultsUrl")
            .Description("Where to download the per-row results (`COMPLETED` only): a signed link that needs no token, valid until `resultsUrlExpiresAt`; read it again for a fresh one. The answer is JSON Lines (`application/jsonl`), one object per row: `{\"row\": 1, \"result\": \"CREATED\", \"leadId\": \"…\", \"errors\": []}`; `result` is `CREATED`, `TOUCHED`, `REJECTED` (with `errors`, each `{field, code, message}`) or `UNCHANGED`.")
            .Resolve(c => Link(c) is { } link ? LeadImportResultsDownload.Url(c.RequestServices!.GetRequiredService<IHttpContextAccessor>().HttpContext!.Request, link.Token) : null);
        Field<DateTimeGraphType>("resultsUrlExpiresAt").Description("Until when `resultsUrl` works (UTC).").Resolve(c => Link(c)?.ExpiresAt);
        Field<DateTimeGraphType>("resultsExpireAt")
            .Description("When the results file is deleted (UTC), `Imports:Retention` (7 days) after the import finished; then `resultsUrl` is null. Null when there is no results file.")
            .Resolve(c => c.Source is { Status: LeadImportStatus.Completed, ResultFileName: not null, FinishedAt: { } finished }
                ? finished + c.RequestServices!.GetRequiredService<IOptions<LeadImportOptions>>().Value.Retention
                : null);
    }

    private static (string Token, DateTime ExpiresAt)? Link(IResolveFieldContext<LeadImport> context)
    {
        if (context.Source is not { Status: LeadImportStatus.Completed, ResultFileName: not null })
            return null;
        var services = context.RequestServices!;
        var expiresAt = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime + services.GetRequiredService<IOptions<LeadImportOptions>>().Value.LinkLifetime;
        return (services.GetRequiredService<LeadImportLinks>().Sign(context.Source.Id, expiresAt), expiresAt);
    }
}
