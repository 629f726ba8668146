using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace Platform.Api.Security;

/// <summary>
/// Which clients still exist, remembered for <see cref="OAuthOptions.ClientCheckInterval"/>: a client is confirmed when it
/// gets a token and forgotten when it is revoked on this node; other nodes notice a revocation within the interval.
/// </summary>
public sealed class ClientStatusCache(IMemoryCache cache, IOptions<OAuthOptions> options)
{
    public void Confirm(string clientId) => cache.Set(Key(clientId), true, options.Value.ClientCheckInterval);

    public void Forget(string clientId) => cache.Remove(Key(clientId));

    public async ValueTask<bool> ExistsAsync(string clientId, IOpenIddictApplicationManager applications, CancellationToken ct)
    {
        if (cache.TryGetValue(Key(clientId), out _))
            return true;
        if (await applications.FindByClientIdAsync(clientId, ct) is null)
            return false;
        Confirm(clientId);
        return true;
    }

    private static (string, string) Key(string clientId) => ("oauth-client", clientId);
}
