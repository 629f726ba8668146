using StackExchange.Redis;

namespace Platform.Api.Redis;

/// <summary>
/// Tells every node at once, over a Redis channel, that state it caches or reads changed: a client or a landing key was
/// revoked, KPI data was written, or outbox events were committed (<see cref="InvalidationListener"/> applies it).
/// Without Redis, or while it is unreachable, the other nodes notice when their caches expire
/// (<c>OAuth:ClientCheckInterval</c>, 30 s for landing keys, <c>Kpis:Cache:MaxAgeSeconds</c>) or at their next outbox
/// poll (<c>Events:PollInterval</c>, <c>Webhooks:PollInterval</c>).
/// </summary>
public sealed class Invalidations(RedisLink? redis = null)
{
    public const string Client = "client", LandingKey = "landing-key", KpiData = "kpi-data", Outbox = "outbox";

    internal static readonly RedisChannel Channel = RedisChannel.Literal(RedisLink.Prefix + "invalidated");

    /// <summary>This node, so that it can skip its own KPI and outbox announcements (it knows of its writes already).</summary>
    internal string Node { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Announces that the state of <paramref name="kind"/> <paramref name="id"/> changed (a client or landing key revoked, this node's KPI write or outbox commit).</summary>
    public async Task PublishAsync(string kind, string id)
    {
        if (redis is not null)
            await redis.TryAsync(db => db.PublishAsync(Channel, $"{kind}:{id}"));
    }
}
