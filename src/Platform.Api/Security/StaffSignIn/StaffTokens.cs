using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Api.Security.StaffSignIn;

/// <summary>
/// The token endpoint's code exchange and refresh for staff users: OpenIddict checked the code (and its PKCE verifier)
/// or refresh token; the account must still exist and not be locked, and its roles are read afresh.
/// </summary>
internal static class StaffTokens
{
    public static async Task<IResult> ExchangeAsync(HttpContext http)
    {
        var granted = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        var users = http.RequestServices.GetRequiredService<UserManager<IdentityUser>>();
        var user = granted?.GetClaim(Claims.Subject) is { } id ? await users.FindByIdAsync(id) : null;
        if (user is null || await users.IsLockedOutAsync(user))
            return AuthorizeEndpoint.Forbid(Errors.InvalidGrant, "The account no longer exists or is locked.");

        var identity = await http.RequestServices.GetRequiredService<StaffAccounts>().IdentityOfAsync(user, http.RequestAborted);
        identity.SetScopes(granted!.GetScopes());
        identity.SetDestinations(StaffDestinations.Of);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
