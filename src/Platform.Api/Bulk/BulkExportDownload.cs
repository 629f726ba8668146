using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Domain.Bulk;

namespace Platform.Api.Bulk;

/// <summary>
/// <c>GET /bulk-exports/{link}</c>: streams a completed export's gzip JSON Lines file to whoever holds its signed link
/// (<see cref="BulkExportLinks"/>), with no token, until the link expires. A link that is not this API's is 404
/// <c>NOT_FOUND</c>; an expired link 410 <c>LINK_EXPIRED</c>; a file deleted by the retention 410 <c>EXPORT_EXPIRED</c>, by an
/// erasure 410 <c>EXPORT_ERASED</c>.
/// </summary>
public static class BulkExportDownload
{
    public const string Path = "/bulk-exports";

    /// <summary>The absolute URL of a link, on the host the caller reached.</summary>
    public static string Url(HttpRequest request, string token) => SignedFileDownload.Url(request, Path, token);

    public static IEndpointRouteBuilder MapBulkExportDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path + "/{token}", DownloadAsync).WithDisplayName("Bulk export download");
        return app;
    }

    private static async Task DownloadAsync(string token, HttpContext http, BulkExportLinks links, IBulkFileStore files, TimeProvider time, PlatformDbContext db)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (links.Read(token) is var link && await SignedFileDownload.RefusedAsync(http, link?.ExpiresAt, now, "bulkExport.url"))
            return;
        var export = await db.BulkExports.AsNoTracking().Where(e => e.Id == link!.Value.ExportId)
            .Select(e => new { e.Id, e.Type, e.Status, e.FileName, e.ExpiresAt, e.ErasedAt, e.Bytes }).SingleOrDefaultAsync(http.RequestAborted);
        var stream = export is { Status: BulkExportStatus.Completed, FileName: { } name } && export.ExpiresAt > now ? files.OpenRead(name) : null;
        if (stream is null && export?.ErasedAt is not null)
        {
            await SignedFileDownload.RefuseAsync(http, StatusCodes.Status410Gone, "EXPORT_ERASED", "The export's file was deleted because a person whose data it may hold was erased; start the export again.");
            return;
        }
        if (stream is null)
        {
            await SignedFileDownload.RefuseAsync(http, StatusCodes.Status410Gone, "EXPORT_EXPIRED", "The export's file was deleted after its retention; start the export again.");
            return;
        }
        await SignedFileDownload.SendAsync(http, stream, "application/gzip", export!.Bytes, $"{export.Type.ToString().ToLowerInvariant()}-{export.Id}.jsonl.gz");
    }
}
