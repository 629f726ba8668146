using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Domain.Bulk;
using Platform.GraphQL.Server.Http;

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
    public static string Url(HttpRequest request, string token) => $"{request.Scheme}://{request.Host}{request.PathBase}{Path}/{token}";

    public static IEndpointRouteBuilder MapBulkExportDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path + "/{token}", DownloadAsync).WithDisplayName("Bulk export download");
        return app;
    }

    private static async Task DownloadAsync(string token, HttpContext http, BulkExportLinks links, IBulkFileStore files, TimeProvider time, PlatformDbContext db)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (links.Read(token) is not { } link)
        {
            await RefuseAsync(http, StatusCodes.Status404NotFound, "NOT_FOUND", "This is not a download link of this API.");
            return;
        }
        if (link.ExpiresAt <= now)
        {
            await RefuseAsync(http, StatusCodes.Status410Gone, "LINK_EXPIRED", "The download link expired; read `bulkExport.url` again for a fresh one.");
            return;
        }
        var export = await db.BulkExports.AsNoTracking().Where(e => e.Id == link.ExportId)
            .Select(e => new { e.Id, e.Type, e.Status, e.FileName, e.ExpiresAt, e.ErasedAt, e.Bytes }).SingleOrDefaultAsync(http.RequestAborted);
        var stream = export is { Status: BulkExportStatus.Completed, FileName: { } name } && export.ExpiresAt > now ? files.OpenRead(name) : null;
        if (stream is null && export?.ErasedAt is not null)
        {
            await RefuseAsync(http, StatusCodes.Status410Gone, "EXPORT_ERASED", "The export's file was deleted because a person whose data it may hold was erased; start the export again.");
            return;
        }
        if (stream is null)
        {
            await RefuseAsync(http, StatusCodes.Status410Gone, "EXPORT_EXPIRED", "The export's file was deleted after its retention; start the export again.");
            return;
        }
        await using (stream)
        {
            http.Response.ContentType = "application/gzip";
            http.Response.ContentLength = export!.Bytes;
            http.Response.Headers.CacheControl = "private, no-store";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{export.Type.ToString().ToLowerInvariant()}-{export.Id}.jsonl.gz\"";
            await stream.CopyToAsync(http.Response.Body, http.RequestAborted);
        }
    }

    private static Task RefuseAsync(HttpContext http, int status, string code, string message) =>
        GraphQLErrorResponse.WriteAsync(http, status, code, message, http.RequestAborted);
}
