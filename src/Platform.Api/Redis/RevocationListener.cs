using Microsoft.Extensions.Caching.Memory;
using Platform.Api.Leads;
using Platform.Api.Security;
using StackExchange.Redis;

namespace Platform.Api.Redis;

/// <summary>
/// Drops this node's cached state of a client or landing key that any node announced revoked (<see cref="Revocations"/>).
/// The connection subscribes again by itself after Redis comes back; what was announced meanwhile is noticed when the
/// caches expire.
/// </summary>
internal sealed class RevocationListener(RedisLink redis, ClientStatusCache clients, IMemoryCache cache, KnownLandingKeys landingKeys,
    ILogger<RevocationListener> log) : IHostedService
{
    /// <summary>Raised after a revocation was applied on this node, with its message (<c>kind:id</c>).</summary>
    internal event Action<string>? Applied;

    public async Task StartAsync(CancellationToken ct)
    {
        try
        {
            await redis.Connection.GetSubscriber().SubscribeAsync(Revocations.Channel, (_, message) => Apply(message.ToString()));
        }
        catch (RedisException e)
        {
            log.LogWarning(e, "Could not subscribe to revocations: other nodes' revocations take effect here when the caches expire.");
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    private void Apply(string message)
    {
        var separator = message.IndexOf(':', StringComparison.Ordinal);
        var (kind, id) = separator < 0 ? ("", "") : (message[..separator], message[(separator + 1)..]);
        switch (kind)
        {
            case Revocations.Client:
                clients.Forget(id);
                break;
            case Revocations.LandingKey:
                LandingKeyService.Evict(cache, landingKeys, id);
                break;
            default:
                return;
        }
        Applied?.Invoke(message);
    }
}
