using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Api.Security.StaffSignIn;

/// <summary>
/// The authorization endpoint (code flow with PKCE) after OpenIddict validated the request (client, redirect URI,
/// code challenge): a person signed in by the login cookie gets a code at once; anyone else gets the login form, which
/// posts the credentials back here with the OAuth parameters. A wrong password shows the form again; a locked account
/// ends the request with <c>access_denied</c> at the client's redirect URI.
/// </summary>
internal static class AuthorizeEndpoint
{
    public const string Path = "/connect/authorize";

    public static async Task<IResult> HandleAsync(HttpContext http, UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn,
        StaffAccounts accounts, IAntiforgery antiforgery)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenIddict authorization request.");
        IdentityUser? user;
        if (HttpMethods.IsPost(http.Request.Method) && http.Request.Form.ContainsKey(LoginPage.EmailField))
        {
            if (!await antiforgery.IsRequestValidAsync(http))
                return LoginPage.Render(http, antiforgery, request, "The form expired; please sign in again.", StatusCodes.Status400BadRequest);
            var email = http.Request.Form[LoginPage.EmailField].ToString();
            user = await users.FindByEmailAsync(email);
            var result = user is null
                ? Microsoft.AspNetCore.Identity.SignInResult.Failed
                : await signIn.CheckPasswordSignInAsync(user, http.Request.Form[LoginPage.PasswordField].ToString(), lockoutOnFailure: true);
            if (result.IsLockedOut)
                return Forbid(Errors.AccessDenied, "The account is locked after too many failed sign-ins; try again later or ask an admin.");
            if (!result.Succeeded)
                return LoginPage.Render(http, antiforgery, request, "The e-mail or password is wrong.", StatusCodes.Status401Unauthorized);
            await http.SignInAsync(LoginCookie.Scheme, new ClaimsPrincipal(new ClaimsIdentity([new Claim(Claims.Subject, user!.Id)], LoginCookie.Scheme)));
        }
        else
        {
            var session = await http.AuthenticateAsync(LoginCookie.Scheme);
            user = session.Succeeded && !request.HasPromptValue(PromptValues.Login) && session.Principal.GetClaim(Claims.Subject) is { } id
                ? await users.FindByIdAsync(id)
                : null;
            if (user is null)
            {
                if (request.HasPromptValue(PromptValues.None))
                    return Forbid(Errors.LoginRequired, "The user is not signed in.");
                return LoginPage.Render(http, antiforgery, request, error: null, StatusCodes.Status200OK);
            }
            if (await users.IsLockedOutAsync(user))
            {
                await http.SignOutAsync(LoginCookie.Scheme);
                return Forbid(Errors.AccessDenied, "The account is locked; ask an admin.");
            }
        }

        var identity = await accounts.IdentityOfAsync(user, http.RequestAborted);
        identity.SetScopes(request.GetScopes().Intersect([OpenIddictConstants.Scopes.OpenId, OpenIddictConstants.Scopes.OfflineAccess]));
        identity.SetDestinations(StaffDestinations.Of);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    internal static IResult Forbid(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}

/// <summary>Which tokens each claim of a staff identity goes into.</summary>
internal static class StaffDestinations
{
    public static IEnumerable<string> Of(Claim claim) => claim.Type switch
    {
        Claims.Name or Claims.Email or Claims.Role when claim.Subject!.HasScope(OpenIddictConstants.Scopes.OpenId) => [Destinations.AccessToken, Destinations.IdentityToken],
        _ => [Destinations.AccessToken],
    };
}
