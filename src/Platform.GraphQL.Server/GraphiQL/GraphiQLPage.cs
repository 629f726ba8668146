using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Platform.GraphQL.Server.GraphiQL;

/// <summary>The HTML page that boots GraphiQL against the endpoint it was requested from.</summary>
internal static class GraphiQLPage
{
    // Everything is served by this host and no script is inline; GraphiQL's components set inline styles.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>Writes the page; with <paramref name="servedSchema"/> it points GraphiQL at the schema served without a token.</summary>
    public static Task WriteAsync(HttpContext context, bool servedSchema)
    {
        var request = context.Request;
        // PathBase keeps the links right behind a reverse proxy that mounts the API under a prefix.
        var endpointPath = (request.PathBase + request.Path).ToUriComponent().TrimEnd('/');

        var response = context.Response;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return response.WriteAsync(Render(endpointPath, servedSchema), context.RequestAborted);
    }

    private static string Render(string endpointPath, bool servedSchema)
    {
        var html = HtmlEncoder.Default;
        string Url(string fileName) => html.Encode(GraphiQLAssets.UrlOf(endpointPath, fileName));
        var schemaAttribute = servedSchema
            ? $" data-schema=\"{html.Encode($"{endpointPath}/{GraphiQLAssets.PathSegment}/{GraphiQLAssets.Schema}")}\""
            : "";

        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Platform GraphQL</title>
              <link rel="stylesheet" href="{{Url(GraphiQLAssets.GraphiQLStyle)}}">
              <style>html, body, #graphiql { height: 100%; margin: 0; overflow: hidden; }</style>
            </head>
            <body>
              <div id="graphiql" data-endpoint="{{html.Encode(endpointPath.Length == 0 ? "/" : endpointPath)}}"{{schemaAttribute}}>Loading GraphiQL…</div>
              <script src="{{Url(GraphiQLAssets.React)}}"></script>
              <script src="{{Url(GraphiQLAssets.ReactDom)}}"></script>
              <script src="{{Url(GraphiQLAssets.GraphiQLScript)}}"></script>
              <script src="{{Url(GraphiQLAssets.InitScript)}}"></script>
            </body>
            </html>
            """;
    }
}
