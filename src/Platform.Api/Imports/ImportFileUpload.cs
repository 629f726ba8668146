using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Platform.Api.Bulk;
using Platform.Api.Common;
using Platform.Api.Security;
using Platform.Data;
using Platform.Domain.Imports;
using Platform.GraphQL.Server.Http;

namespace Platform.Api.Imports;

/// <summary>
/// <c>POST /imports/files</c>: stores the request body, as sent, as a file to import from, and answers 201 with
/// <c>{ "fileId", "bytes", "sha256" }</c>. The body is the file itself (any content type but multipart), streamed to
/// the bulk file store while its SHA-256 is computed: never held in memory. Callers who may import (policy
/// <c>leads:import</c>) only; an empty body is 400 <c>EMPTY_FILE</c>, one over <see cref="LeadImportOptions.MaxFileBytes"/>
/// 413 <c>FILE_TOO_LARGE</c>, a multipart form 415 <c>UNSUPPORTED_MEDIA_TYPE</c>; then nothing is kept.
/// </summary>
public static class ImportFileUpload
{
    public const string Path = "/imports/files";

    public static IEndpointRouteBuilder MapImportFileUploads(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, UploadAsync).RequireAuthorization(Policies.LeadsImport).WithDisplayName("Import file upload");
        return app;
    }

    private static async Task UploadAsync(HttpContext http, IBulkFileStore files, IOptions<LeadImportOptions> options, PlatformDbContext db, ICurrentActor actor, TimeProvider time)
    {
        var ct = http.RequestAborted;
        var limit = options.Value.MaxFileBytes;
        if (http.Request.HasFormContentType)
        {
            await GraphQLErrorResponse.WriteAsync(http, StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE",
                "Send the file itself as the request body (e.g. Content-Type: text/csv), not as a multipart form.", ct);
            return;
        }
        if (http.Request.ContentLength > limit)
        {
            await TooLargeAsync(http, limit);
            return;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
            bodyLimit.MaxRequestBodySize = limit + 1;
        var file = new ImportFile { Id = Guid.NewGuid().ToString("N"), OwnerKey = CallerKeys.Of(http.User, actor), CreatedAt = time.GetUtcNow().UtcDateTime };
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var tooLarge = false;
        try
        {
            file.Bytes = await files.WriteAsync(file.StoredName, async target =>
            {
                var buffer = new byte[1 << 16];
                long total = 0;
                int read;
                while ((read = await http.Request.Body.ReadAsync(buffer, ct)) > 0)
                {
                    total += read;
                    if (total > limit)
                    {
                        tooLarge = true;
                        throw new OperationCanceledException();
                    }
                    sha.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }, ct);
        }
        catch (Exception) when (tooLarge)
        {
            await TooLargeAsync(http, limit);
            return;
        }
        if (file.Bytes == 0)
        {
            files.Delete(file.StoredName);
            await GraphQLErrorResponse.WriteAsync(http, StatusCodes.Status400BadRequest, "EMPTY_FILE", "The file is empty; send the rows to import as the request body.", ct);
            return;
        }
        file.Sha256 = Convert.ToHexStringLower(sha.GetHashAndReset());
        db.ImportFiles.Add(file);
        await db.SaveChangesAsync(ct);
        http.Response.StatusCode = StatusCodes.Status201Created;
        await http.Response.WriteAsJsonAsync(new { fileId = file.Id, bytes = file.Bytes, sha256 = file.Sha256 }, ct);
    }

    private static Task TooLargeAsync(HttpContext http, long limit) =>
        GraphQLErrorResponse.WriteAsync(http, StatusCodes.Status413PayloadTooLarge, "FILE_TOO_LARGE",
            $"The file is larger than {limit} bytes, the most one import takes; split it into several files.", http.RequestAborted);
}
