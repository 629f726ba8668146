using Platform.GraphQL.Server.Http;

namespace Platform.Api.Bulk;

/// <summary>
/// What the endpoints that serve bulk files by signed link share: the link's absolute URL, the refusal of a link that
/// is not this API's (404 <c>NOT_FOUND</c>) or has expired (410 <c>LINK_EXPIRED</c>), and the file streamed as an
/// attachment that no cache keeps.
/// </summary>
internal static class SignedFileDownload
{
    /// <summary>The absolute URL of a link under <paramref name="path"/>, on the host the caller reached.</summary>
    public static string Url(HttpRequest request, string path, string token) => $"{request.Scheme}://{request.Host}{request.PathBase}{path}/{token}";

    /// <summary>True, with the refusal written, when the link is not this API's (<paramref name="expiresAt"/> null) or has expired.</summary>
    public static async Task<bool> RefusedAsync(HttpContext http, DateTime? expiresAt, DateTime now, string freshLinkField)
    {
        if (expiresAt is not { } expiry)
        {
            await RefuseAsync(http, StatusCodes.Status404NotFound, "NOT_FOUND", "This is not a download link of this API.");
            return true;
        }
        if (expiry <= now)
        {
            await RefuseAsync(http, StatusCodes.Status410Gone, "LINK_EXPIRED", $"The download link expired; read `{freshLinkField}` again for a fresh one.");
            return true;
        }
        return false;
    }

    public static Task RefuseAsync(HttpContext http, int status, string code, string message) =>
        GraphQLErrorResponse.WriteAsync(http, status, code, message, http.RequestAborted);

    /// <summary>Streams <paramref name="file"/> (and disposes it) as the attachment <paramref name="fileName"/>.</summary>
    public static async Task SendAsync(HttpContext http, Stream file, string contentType, long bytes, string fileName)
    {
        await using (file)
        {
            http.Response.ContentType = contentType;
            http.Response.ContentLength = bytes;
            http.Response.Headers.CacheControl = "private, no-store";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            await file.CopyToAsync(http.Response.Body, http.RequestAborted);
        }
    }
}
