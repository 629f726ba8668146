using System.Security.Claims;

namespace Platform.Api.Security;

/// <summary>The per-client switch that restricts a client to the trusted documents in schema/documents.</summary>
public static class TrustedDocumentsOnly
{
    public static bool IsRequiredFor(ClaimsPrincipal? user) => user?.HasClaim(PlatformClaims.TrustedDocumentsOnly, "true") == true;
}
