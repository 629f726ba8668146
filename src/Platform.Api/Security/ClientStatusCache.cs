using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using Platform.Api.Availability;

namespace Platform.Api.Security;

/// <summary>
/// Which clients still exist, remembered for <see cref="OAuthOptions.ClientCheckInterval"/>: a client is confirmed when it
/// gets a token and forgotten when it is revoked on this node, or on another node with Redis (<see cref="Redis.Invalidations"/>);
/// without Redis other nodes notice a revocation within the interval.
/// While the database is unreachable a client this node has confirmed before is trusted on that (as landing keys are);
/// one it never confirmed cannot be checked, and the request gets 503.
/// </summary>
public sealed class ClientStatusCache(IMemoryCache cache, IOptions<OAuthOptions> options, DatabaseAvailability availability, IServiceScopeFactory scopes)
{
    // Kept past the interval, for outages; only clients that exist get in, so it stays as small as the clients table.
    private readonly ConcurrentDictionary<string, byte> _confirmed = new(StringComparer.Ordinal);

    public void Confirm(string clientId)
    {
        cache.Set(Key(clientId), true, options.Value.ClientCheckInterval);
        _confirmed[clientId] = 0;
    }

    public void Forget(string clientId)
    {
        cache.Remove(Key(clientId));
        _confirmed.TryRemove(clientId, out _);
    }

    /// <summary>Whether <paramref name="clientId"/> exists: remembered, or looked up in a scope of its own.</summary>
    public async ValueTask<bool> ExistsAsync(string clientId, CancellationToken ct)
    {
        if (cache.TryGetValue(Key(clientId), out _))
            return true;
        if (!availability.IsAvailable && _confirmed.ContainsKey(clientId))
            return true;
        try
        {
            // Not the request's scope: its database context, used before the request knows its caller, would keep the
            // model of an anonymous caller, without a partner's or manager's filters, for the rest of the request.
            await using var scope = scopes.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().FindByClientIdAsync(clientId, ct) is null)
            {
                _confirmed.TryRemove(clientId, out _);
                return false;
            }
        }
        catch (Exception e) when (availability.ReportFailure(e) && _confirmed.ContainsKey(clientId))
        {
            return true;
        }
        Confirm(clientId);
        return true;
    }

    /// <summary>Lets the confirmation of <paramref name="clientId"/> lapse, as <see cref="OAuthOptions.ClientCheckInterval"/> passing does.</summary>
    internal void Expire(string clientId) => cache.Remove(Key(clientId));

    private static (string, string) Key(string clientId) => ("oauth-client", clientId);
}
