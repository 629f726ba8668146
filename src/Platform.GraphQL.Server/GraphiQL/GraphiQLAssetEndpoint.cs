using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Platform.GraphQL.Server.GraphiQL;

/// <summary>Serves the embedded IDE files; their URLs carry a content hash, so browsers may cache them for a year.</summary>
internal static class GraphiQLAssetEndpoint
{
    public static Task HandleAsync(HttpContext context)
    {
        var response = context.Response;
        if (context.Request.RouteValues["file"] is not string fileName || GraphiQLAssets.Find(fileName) is not { } asset)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        response.ContentType = asset.ContentType;
        response.ContentLength = asset.Content.Length;
        response.Headers.CacheControl = "public, max-age=31536000, immutable";
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return response.Body.WriteAsync(asset.Content, context.RequestAborted).AsTask();
    }
}
