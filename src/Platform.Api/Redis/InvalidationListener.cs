using Microsoft.Extensions.Caching.Memory;
using Platform.Api.Kpis;
using Platform.Api.Leads;
using Platform.Api.Security;
using Platform.Data.Outbox;
using StackExchange.Redis;

namespace Platform.Api.Redis;

/// <summary>
/// Applies what any node announced (<see cref="Invalidations"/>): drops this node's cached state of a revoked client or
/// landing key, moves its KPI data version on another node's write, and wakes its outbox readers (subscription feed,
/// webhook dispatcher) on another node's commit of events; announces this node's KPI writes and outbox commits. The
/// connection subscribes again by itself after Redis comes back; what was announced meanwhile is noticed when the
/// caches expire and at the next outbox poll. The outbox stays what events are read from, in order; an announcement
/// only says when to read.
/// </summary>
internal sealed class InvalidationListener(RedisLink redis, Invalidations invalidations, ClientStatusCache clients, IMemoryCache cache,
    KnownLandingKeys landingKeys, KpiDataVersion kpiData, OutboxSignal outbox, ILogger<InvalidationListener> log) : IHostedService
{
    /// <summary>Raised after an announcement was applied on this node, with its message (<c>kind:id</c>).</summary>
    internal event Action<string>? Applied;

    public async Task StartAsync(CancellationToken ct)
    {
        kpiData.Bumped += AnnounceKpiWrite;
        outbox.Committed += AnnounceOutboxCommit;
        try
        {
            await redis.Connection.GetSubscriber().SubscribeAsync(Invalidations.Channel, (_, message) => Apply(message.ToString()));
        }
        catch (RedisException e)
        {
            log.LogWarning(e, "Could not subscribe to invalidations: other nodes' revocations and KPI writes are seen here when the caches expire.");
        }
    }

    public Task StopAsync(CancellationToken ct)
    {
        kpiData.Bumped -= AnnounceKpiWrite;
        outbox.Committed -= AnnounceOutboxCommit;
        return Task.CompletedTask;
    }

    // Not awaited: a write does not wait for Redis (PublishAsync never throws).
    private void AnnounceKpiWrite() => _ = invalidations.PublishAsync(Invalidations.KpiData, invalidations.Node);

    private void AnnounceOutboxCommit() => _ = invalidations.PublishAsync(Invalidations.Outbox, invalidations.Node);

    private void Apply(string message)
    {
        var separator = message.IndexOf(':', StringComparison.Ordinal);
        var (kind, id) = separator < 0 ? ("", "") : (message[..separator], message[(separator + 1)..]);
        switch (kind)
        {
            case Invalidations.Client:
                clients.Forget(id);
                break;
            case Invalidations.LandingKey:
                LandingKeyService.Evict(cache, landingKeys, id);
                break;
            case Invalidations.KpiData when id != invalidations.Node:
                kpiData.BumpForWriteElsewhere();
                break;
            case Invalidations.Outbox when id != invalidations.Node:
                outbox.Wake();
                break;
            default:
                return;
        }
        Applied?.Invoke(message);
    }
}
