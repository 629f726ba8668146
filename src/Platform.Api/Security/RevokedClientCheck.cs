using OpenIddict.Abstractions;
using OpenIddict.Validation;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Validation.OpenIddictValidationEvents;

namespace Platform.Api.Security;

/// <summary>
/// Token validation refuses an access token whose client no longer exists (revoked with <c>clients revoke</c>), so a
/// revoked client's tokens stop working rather than run until they expire: at once on the node that revoked it (and on
/// every node with Redis), within <see cref="OAuthOptions.ClientCheckInterval"/> on others. Known clients are remembered (<see cref="ClientStatusCache"/>),
/// so a valid token costs no query.
/// </summary>
internal sealed class RevokedClientCheck(ClientStatusCache clients) : IOpenIddictValidationHandler<ValidateTokenContext>
{
    public static OpenIddictValidationHandlerDescriptor Descriptor { get; } = OpenIddictValidationHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
        .UseScopedHandler<RevokedClientCheck>()
        .SetOrder(OpenIddictValidationHandlers.Protection.ValidateExpirationDate.Descriptor.Order + 1_000)
        .SetType(OpenIddictValidationHandlerType.Custom)
        .Build();

    public async ValueTask HandleAsync(ValidateTokenContext context)
    {
        if (context.Principal?.GetClaim(Claims.ClientId) is { } clientId
            && !await clients.ExistsAsync(clientId, context.CancellationToken))
        {
            context.Reject(Errors.InvalidToken, "The token's client was revoked.");
        }
    }
}
