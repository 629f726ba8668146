using StackExchange.Redis;

namespace Platform.Api.Redis;

/// <summary>
/// Tells every node at once, over a Redis channel, that state it caches changed: a client or a landing key was revoked,
/// or KPI data was written (<see cref="InvalidationListener"/> applies it). Without Redis, or while it is unreachable, the
/// other nodes notice when their caches expire (<c>OAuth:ClientCheckInterval</c>, 30 s for landing keys,
/// <c>Kpis:Cache:MaxAgeSeconds</c>).
/// </summary>
public sealed class Invalidations(RedisLink? redis = null)
{
    public const string Client = "client", LandingKey = "landing-key", KpiData = "kpi-data";

    internal static readonly RedisChannel Channel = RedisChannel.Literal(RedisLink.Prefix + "invalidated");

    /// <summary>This node, so that it can skip its own KPI announcements (its cache knows of its writes already).</summary>
    internal string Node { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Announces that the cached state of <paramref name="kind"/> <paramref name="id"/> changed (a client or landing key revoked, this node's KPI write).</summary>
    public async Task PublishAsync(string kind, string id)
    {
        if (redis is not null)
            await redis.TryAsync(db => db.PublishAsync(Channel, $"{kind}:{id}"));
    }
}
