using Platform.Api.Leads;

namespace Platform.Api.Security;

/// <summary>
/// A request without a token but with a usable publishable key in <c>X-Landing-Key</c> acts as
/// <see cref="LandingKeyPrincipal"/>: authenticated, allowed <c>submitLead</c> and nothing else. An unknown or
/// revoked key leaves the caller anonymous (401 from /graphql).
/// </summary>
public static class LandingKeyAuthentication
{
    public static IApplicationBuilder UseLandingKeys(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.User.Identity?.IsAuthenticated != true
            && http.Request.Headers[LandingKeyService.Header].FirstOrDefault() is { Length: > 0 } header
            && await http.RequestServices.GetRequiredService<LandingKeyService>().FindUsableAsync(header, http.RequestAborted) is { } key)
        {
            http.User = LandingKeyPrincipal.Create(key.Key, key.TrustedDocumentsOnly);
        }
        await next(http);
    });
}
