using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Api.Security;

/// <summary>
/// The API's authentication scheme: a bearer token this node validated before is taken from
/// <see cref="ValidatedTokens"/> (its client still checked, so a revocation stops it as before); any other request is
/// authenticated by OpenIddict's validation, which also answers challenges and refusals.
/// </summary>
internal sealed class BearerAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ValidatedTokens tokens, ClientStatusCache clients)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Name = "Platform";

    private const string Validation = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
    private const string Bearer = "Bearer ";

    public static void Configure(AuthenticationSchemeOptions options)
    {
        options.ForwardChallenge = Validation;
        options.ForwardForbid = Validation;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = TokenOf(Request.Headers.Authorization.ToString());
        if (token is not null && tokens.Find(token) is { } known
            && (known.GetClaim(Claims.ClientId) is not { } clientId || await clients.ExistsAsync(clientId, Context.RequestAborted)))
        {
            return AuthenticateResult.Success(new AuthenticationTicket(known, Validation));
        }

        var result = await Context.AuthenticateAsync(Validation);
        if (token is not null && result.Succeeded && result.Principal.GetExpirationDate() is { } expiresAt)
            tokens.Remember(token, result.Principal, expiresAt);
        return result;
    }

    /// <summary>The token of a <c>Bearer …</c> authorization value, or null when it holds none.</summary>
    internal static string? TokenOf(string authorization) =>
        authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) && authorization[Bearer.Length..].Trim() is { Length: > 0 } token
            ? token
            : null;
}
