using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Api.Security.StaffSignIn;

/// <summary>
/// Logout (OpenID Connect end-session): ends the login cookie and revokes the person's refresh tokens, then returns to
/// the client's registered post-logout redirect URI. Access tokens already issued run out with their lifetime.
/// </summary>
internal static class EndSessionEndpoint
{
    public const string Path = "/connect/logout";

    public static async Task<IResult> HandleAsync(HttpContext http, IOpenIddictTokenManager tokens)
    {
        var session = await http.AuthenticateAsync(LoginCookie.Scheme);
        if (session.Principal?.GetClaim(Claims.Subject) is { } subject)
            await tokens.RevokeBySubjectAsync(subject, http.RequestAborted);
        await http.SignOutAsync(LoginCookie.Scheme);
        return Results.SignOut(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
