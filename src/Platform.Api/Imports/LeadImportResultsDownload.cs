using Microsoft.EntityFrameworkCore;
using Platform.Api.Bulk;
using Platform.Data;
using Platform.Domain.Imports;
using Platform.GraphQL.Server.Http;

namespace Platform.Api.Imports;

/// <summary>
/// <c>GET /imports/results/{link}</c>: streams a completed import's per-row results (JSON Lines) to whoever holds its
/// signed link (<see cref="LeadImportLinks"/>), with no token, until the link expires. A link that is not this API's
/// is 404 <c>NOT_FOUND</c>; an expired link 410 <c>LINK_EXPIRED</c>.
/// </summary>
public static class LeadImportResultsDownload
{
    public const string Path = "/imports/results";

    /// <summary>The absolute URL of a link, on the host the caller reached.</summary>
    public static string Url(HttpRequest request, string token) => $"{request.Scheme}://{request.Host}{request.PathBase}{Path}/{token}";

    public static IEndpointRouteBuilder MapLeadImportResultsDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path + "/{token}", DownloadAsync).WithDisplayName("Lead import results download");
        return app;
    }

    private static async Task DownloadAsync(string token, HttpContext http, LeadImportLinks links, IBulkFileStore files, TimeProvider time, PlatformDbContext db)
    {
        if (links.Read(token) is not { } link)
        {
            await GraphQLErrorResponse.WriteAsync(http, StatusCodes.Status404NotFound, "NOT_FOUND", "This is not a download link of this API.", http.RequestAborted);
            return;
        }
        if (link.ExpiresAt <= time.GetUtcNow().UtcDateTime)
        {
            await GraphQLErrorResponse.WriteAsync(http, StatusCodes.Status410Gone, "LINK_EXPIRED", "The download link expired; read `leadImport.resultsUrl` again for a fresh one.", http.RequestAborted);
            return;
        }
        var import = await db.LeadImports.AsNoTracking().Where(i => i.Id == link.ImportId && i.Status == LeadImportStatus.Completed)
            .Select(i => new { i.Id, i.ResultFileName, i.ResultBytes }).SingleOrDefaultAsync(http.RequestAborted);
        await using var stream = import?.ResultFileName is { } name ? files.OpenRead(name) : null;
        if (stream is null)
        {
            await GraphQLErrorResponse.WriteAsync(http, StatusCodes.Status404NotFound, "NOT_FOUND", "The import has no results file.", http.RequestAborted);
            return;
        }
        http.Response.ContentType = "application/jsonl";
        http.Response.ContentLength = import!.ResultBytes;
        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"lead-import-{import.Id}-results.jsonl\"";
        await stream.CopyToAsync(http.Response.Body, http.RequestAborted);
    }
}
