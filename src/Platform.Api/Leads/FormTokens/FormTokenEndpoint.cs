using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using Platform.Api.Security;
using Platform.GraphQL.Server.Authorization;
using Platform.GraphQL.Server.Http;

namespace Platform.Api.Leads.FormTokens;

/// <summary>
/// <c>GET /forms/token</c>: a landing page (its <c>X-Landing-Key</c>, or a landing client's token) gets a signed,
/// single-use form token when it shows its form, and sends it with <c>submitLead</c> as <c>input.formToken</c>.
/// Answer: <c>{ "formToken": "…", "expiresAt": "…" }</c>. CORS as for <c>/graphql</c> (<see cref="LandingKeyCors"/>).
/// </summary>
public static class FormTokenEndpoint
{
    public const string Path = "/forms/token";

    public static IEndpointRouteBuilder MapFormTokens(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, IssueAsync).WithDisplayName("Form token");
        return app;
    }

    private static async Task IssueAsync(HttpContext http, FormTokenSigner signer, LandingKeyService keys, TimeProvider time, IOptions<LeadOptions> options)
    {
        var header = http.Request.Headers[LandingKeyService.Header].FirstOrDefault() is { Length: > 0 } value ? value : null;
        // An unknown or revoked key leaves the caller anonymous (LandingKeyAuthentication).
        if (http.User.Identity?.IsAuthenticated != true)
        {
            await RefuseAsync(http, StatusCodes.Status401Unauthorized, header is null ? AuthenticationRequiredError.ErrorCode : InvalidLandingKeyError.ErrorCode, header is null
                ? "Send the landing page's landing key in the X-Landing-Key header (or a landing client's access token)."
                : $"The landing key \"{header}\" is unknown or revoked.");
            return;
        }
        if (http.User.GetClaim(PlatformClaims.ClientKind) != ClientKinds.Landing)
        {
            await RefuseAsync(http, StatusCodes.Status403Forbidden, AccessDeniedError.ErrorCode,
                "Form tokens are for landing pages; integrations, partners and staff submit leads without one.");
            return;
        }
        // Bound to the source submitLead will take the submission from: the landing key sent, else the landing client.
        var subject = header is null ? http.User.GetClaim(OpenIddictConstants.Claims.ClientId) : (await keys.FindUsableAsync(header, http.RequestAborted))?.Key;
        if (subject is null)
        {
            await RefuseAsync(http, StatusCodes.Status401Unauthorized, InvalidLandingKeyError.ErrorCode, $"The landing key \"{header}\" is unknown or revoked.");
            return;
        }
        var now = time.GetUtcNow().UtcDateTime;
        http.Response.Headers.CacheControl = "no-store";
        await http.Response.WriteAsJsonAsync(new { formToken = signer.Issue(subject, now), expiresAt = now + options.Value.FormTokenLifetime }, http.RequestAborted);
    }

    private static Task RefuseAsync(HttpContext http, int status, string code, string message) =>
        GraphQLErrorResponse.WriteAsync(http, status, code, message, http.RequestAborted);
}
