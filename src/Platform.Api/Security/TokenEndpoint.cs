using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Api.Security;

/// <summary>
/// The token endpoint's grant handling after OpenIddict validated the request (client secret, grant type, scope
/// permissions): builds the access token's identity for a machine client with its kind, partner binding and scopes.
/// </summary>
internal static class TokenEndpoint
{
    public const string Path = "/connect/token";

    public static async Task<IResult> HandleAsync(HttpContext http, IOpenIddictApplicationManager applications)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenIddict token request.");
        // OpenIddict authenticated the client: its tokens need no lookup for a while (RevokedClientCheck).
        http.RequestServices.GetRequiredService<ClientStatusCache>().Confirm(request.ClientId!);
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
            return await StaffSignIn.StaffTokens.ExchangeAsync(http);
        if (!request.IsClientCredentialsGrantType())
            return Forbid(Errors.UnsupportedGrantType, "This grant type is not supported.");

        var application = await applications.FindByClientIdAsync(request.ClientId!, http.RequestAborted);
        if (application is null)
            return Forbid(Errors.InvalidClient, "The client is unknown.");
        var properties = await applications.GetPropertiesAsync(application, http.RequestAborted);
        var kind = StringProperty(properties, PlatformClaims.ClientKind);
        if (kind is null || !ClientKinds.ScopesOf.TryGetValue(kind, out var kindScopes))
            return Forbid(Errors.UnauthorizedClient, "The client has no valid kind.");

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, request.ClientId);
        identity.SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application, http.RequestAborted) ?? request.ClientId);
        identity.SetClaim(PlatformClaims.ClientKind, kind);
        if (kind == ClientKinds.Partner)
        {
            var partnerId = StringProperty(properties, PlatformClaims.PartnerId);
            if (partnerId is null)
                return Forbid(Errors.UnauthorizedClient, "The partner client is bound to no partner.");
            identity.SetClaim(PlatformClaims.PartnerId, partnerId);
        }

        if (StringProperty(properties, PlatformClaims.TrustedDocumentsOnly) == "true")
            identity.SetClaim(PlatformClaims.TrustedDocumentsOnly, "true");

        // The client's scopes are its scope permissions (its kind's and those granted when it was added), within what
        // the kind allows. OpenIddict already refused scopes the client lacks a permission for; none requested means all.
        var permitted = (await applications.GetPermissionsAsync(application, http.RequestAborted))
            .Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
            .Select(p => p[Permissions.Prefixes.Scope.Length..])
            .Intersect(kindScopes.Concat(ClientKinds.GrantableScopesOf[kind]))
            .ToList();
        var requested = request.GetScopes();
        identity.SetScopes(requested.IsEmpty ? permitted : requested.Intersect(permitted));
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static string? StringProperty(IReadOnlyDictionary<string, JsonElement> properties, string name) =>
        properties.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IResult Forbid(string error, string description) => Results.Forbid(
        new Microsoft.AspNetCore.Authentication.AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
