using Microsoft.EntityFrameworkCore;
using Platform.Api.Bulk;
using Platform.Data;
using Platform.Domain.Imports;

namespace Platform.Api.Imports;

/// <summary>
/// <c>GET /imports/results/{link}</c>: streams a completed import's per-row results (JSON Lines) to whoever holds its
/// signed link (<see cref="LeadImportLinks"/>), with no token, until the link expires. A link that is not this API's
/// is 404 <c>NOT_FOUND</c>; an expired link 410 <c>LINK_EXPIRED</c>; a link to results deleted by the retention
/// (<see cref="LeadImportRetention"/>) 410 <c>RESULTS_EXPIRED</c>.
/// </summary>
public static class LeadImportResultsDownload
{
    public const string Path = "/imports/results";

    /// <summary>The absolute URL of a link, on the host the caller reached.</summary>
    public static string Url(HttpRequest request, string token) => SignedFileDownload.Url(request, Path, token);

    public static IEndpointRouteBuilder MapLeadImportResultsDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path + "/{token}", DownloadAsync).WithDisplayName("Lead import results download");
        return app;
    }

    private static async Task DownloadAsync(string token, HttpContext http, LeadImportLinks links, IBulkFileStore files, TimeProvider time, PlatformDbContext db)
    {
        if (links.Read(token) is var link && await SignedFileDownload.RefusedAsync(http, link?.ExpiresAt, time.GetUtcNow().UtcDateTime, "leadImport.resultsUrl"))
            return;
        var import = await db.LeadImports.AsNoTracking().Where(i => i.Id == link!.Value.ImportId && i.Status == LeadImportStatus.Completed)
            .Select(i => new { i.Id, i.ResultFileName, i.ResultBytes }).SingleOrDefaultAsync(http.RequestAborted);
        if (import is { ResultFileName: null })
        {
            await SignedFileDownload.RefuseAsync(http, StatusCodes.Status410Gone, "RESULTS_EXPIRED", "The results file was deleted at the end of its retention; import the file again for new results (it stores nothing twice).");
            return;
        }
        var stream = import?.ResultFileName is { } name ? files.OpenRead(name) : null;
        if (stream is null)
        {
            await SignedFileDownload.RefuseAsync(http, StatusCodes.Status404NotFound, "NOT_FOUND", "The import has no results file.");
            return;
        }
        await SignedFileDownload.SendAsync(http, stream, "application/jsonl", import!.ResultBytes, $"lead-import-{import.Id}-results.jsonl");
    }
}
