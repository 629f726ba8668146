using System.Security.Claims;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Api.Security;

/// <summary>
/// The caller behind a valid publishable landing key: authenticated, kind <c>landing</c>, scope
/// <c>leads:submit</c> only, so the GraphQL authorization lets it run <c>submitLead</c> and nothing else.
/// Landing-key middleware sets <c>HttpContext.User</c> to it when a request carries a valid key and no token.
/// </summary>
public static class LandingKeyPrincipal
{
    public const string AuthenticationType = "LandingKey";

    /// <summary>The principal of key <paramref name="keyId"/>; <paramref name="trustedDocumentsOnly"/> restricts it to the trusted documents.</summary>
    public static ClaimsPrincipal Create(string keyId, bool trustedDocumentsOnly = false)
    {
        var identity = new ClaimsIdentity(AuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, keyId);
        identity.SetClaim(Claims.ClientId, keyId);
        identity.SetClaim(Claims.Name, keyId);
        identity.SetClaim(PlatformClaims.ClientKind, ClientKinds.Landing);
        identity.SetScopes(Scopes.LeadsSubmit);
        if (trustedDocumentsOnly)
            identity.SetClaim(PlatformClaims.TrustedDocumentsOnly, "true");
        return new ClaimsPrincipal(identity);
    }
}
