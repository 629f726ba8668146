using System.Text.Json;
using Platform.Api.Leads;
using Platform.Api.Leads.FormTokens;

namespace Platform.Api.Security;

/// <summary>
/// CORS for browser forms (<c>/graphql</c> and <c>/forms/token</c>), answered per landing key. A preflight carries no key value, so it is allowed when any
/// usable key lists the origin; the actual request must come from an origin of the key it sends, else 403 before
/// anything runs. Requests without <c>Origin</c> (server to server) pass untouched.
/// </summary>
public static class LandingKeyCors
{
    /// <summary>What a landing page calls, and how: the form token, then the GraphQL endpoint.</summary>
    private static readonly Dictionary<string, string> Methods = new(StringComparer.OrdinalIgnoreCase)
    {
        [FormTokenEndpoint.Path] = "GET",
        ["/graphql"] = "POST",
    };

    public static IApplicationBuilder UseLandingKeyCors(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var origin = http.Request.Headers.Origin.FirstOrDefault();
        if (origin is not { Length: > 0 } || !Methods.TryGetValue(http.Request.Path.Value ?? "", out var method))
        {
            await next(http);
            return;
        }

        var keys = http.RequestServices.GetRequiredService<LandingKeyService>();
        if (HttpMethods.IsOptions(http.Request.Method) && http.Request.Headers.ContainsKey("Access-Control-Request-Method"))
        {
            http.Response.Headers.Vary = "Origin";
            if (await keys.AnyKeyAllowsAsync(origin, http.RequestAborted))
            {
                http.Response.Headers.AccessControlAllowOrigin = origin;
                http.Response.Headers.AccessControlAllowMethods = method;
                http.Response.Headers.AccessControlAllowHeaders = "content-type, x-landing-key, idempotency-key";
                http.Response.Headers.AccessControlMaxAge = "600";
            }
            // A refused origin gets no CORS headers, so the browser does not send the request.
            http.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        // An unknown or revoked key is left to authentication (401); a usable key from a foreign origin is refused here.
        if (http.Request.Headers[LandingKeyService.Header].FirstOrDefault() is { Length: > 0 } header
            && await keys.FindUsableAsync(header, http.RequestAborted) is { } key)
        {
            if (!LandingKeyService.Allows(key, origin))
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync(JsonSerializer.Serialize(new
                {
                    errors = new[] { new { message = $"Origin `{origin}` is not allowed for this landing key.", extensions = new { code = "ORIGIN_NOT_ALLOWED" } } },
                }), http.RequestAborted);
                return;
            }
            http.Response.Headers.AccessControlAllowOrigin = origin;
            http.Response.Headers.Vary = "Origin";
        }
        await next(http);
    });
}
