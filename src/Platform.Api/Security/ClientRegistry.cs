using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using Platform.Api.Redis;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Api.Security;

/// <summary>Creates and revokes machine clients (client credentials); secrets are stored hashed by OpenIddict.</summary>
public sealed class ClientRegistry(IOpenIddictApplicationManager applications, ClientStatusCache clients, Invalidations invalidations)
{
    /// <summary>
    /// Creates a client of <paramref name="kind"/> (a partner client bound to <paramref name="partnerId"/>) and
    /// returns its secret, which is not stored in clear and cannot be shown again. A null secret generates one.
    /// With <paramref name="trustedDocumentsOnly"/> the client may run only the trusted documents. <paramref name="grantedScopes"/>
    /// adds admin scopes the kind may be granted (<see cref="ClientKinds.GrantableScopesOf"/>) to the kind's own.
    /// </summary>
    public async Task<string> AddAsync(string clientId, string kind, string displayName, long? partnerId = null, string? secret = null,
        bool trustedDocumentsOnly = false, IReadOnlyCollection<string>? grantedScopes = null, CancellationToken ct = default)
    {
        if (!ClientKinds.ScopesOf.TryGetValue(kind, out var scopes))
            throw new ArgumentException($"Unknown client kind `{kind}`; expected one of {string.Join(", ", ClientKinds.ScopesOf.Keys)}.", nameof(kind));
        if ((kind == ClientKinds.Partner) != partnerId.HasValue)
            throw new ArgumentException("A partner client needs exactly one partner id; other kinds take none.", nameof(partnerId));
        var grantable = ClientKinds.GrantableScopesOf[kind];
        if (grantedScopes?.FirstOrDefault(s => !grantable.Contains(s) && !scopes.Contains(s)) is { } refused)
            throw new ArgumentException(grantable.Length == 0
                ? $"Scope `{refused}` cannot be granted to {kind} clients: they get {string.Join(", ", scopes)} and nothing more."
                : $"Scope `{refused}` cannot be granted to {kind} clients; they may be granted {string.Join(", ", grantable)}.", nameof(grantedScopes));

        secret ??= Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = displayName,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        foreach (var scope in scopes.Union(grantedScopes ?? []))
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        descriptor.Properties[PlatformClaims.ClientKind] = JsonSerializer.SerializeToElement(kind);
        if (partnerId is { } id)
            descriptor.Properties[PlatformClaims.PartnerId] = JsonSerializer.SerializeToElement(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (trustedDocumentsOnly)
            descriptor.Properties[PlatformClaims.TrustedDocumentsOnly] = JsonSerializer.SerializeToElement("true");
        await applications.CreateAsync(descriptor, ct);
        return secret;
    }

    /// <summary>
    /// Creates a public client for staff tools (GraphiQL, scripts): staff sign in through it with the authorization code
    /// flow and PKCE, get refresh tokens and log out; codes go only to <paramref name="redirectUri"/>.
    /// </summary>
    public async Task AddStaffToolAsync(string clientId, string displayName, Uri redirectUri, Uri postLogoutRedirectUri, CancellationToken ct = default)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientType = ClientTypes.Public,
            DisplayName = displayName,
            RedirectUris = { redirectUri },
            PostLogoutRedirectUris = { postLogoutRedirectUri },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        descriptor.Properties[PlatformClaims.ClientKind] = JsonSerializer.SerializeToElement(PlatformClaims.StaffKind);
        await applications.CreateAsync(descriptor, ct);
    }

    /// <summary>Deletes the client: it gets no new tokens, and the tokens it has stop working (<see cref="RevokedClientCheck"/>).</summary>
    public async Task<bool> RevokeAsync(string clientId, CancellationToken ct = default)
    {
        if (await applications.FindByClientIdAsync(clientId, ct) is not { } application)
            return false;
        await applications.DeleteAsync(application, ct);
        clients.Forget(clientId);
        await invalidations.PublishAsync(Invalidations.Client, clientId);
        return true;
    }

    public async Task<bool> ExistsAsync(string clientId, CancellationToken ct = default) =>
        await applications.FindByClientIdAsync(clientId, ct) is not null;
}
