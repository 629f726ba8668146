using StackExchange.Redis;

namespace Platform.Api.Redis;

/// <summary>
/// Tells every node at once that a client or a landing key was revoked, over a Redis channel, so that each drops what it
/// cached about it (<see cref="RevocationListener"/>). Without Redis, or while it is unreachable, the other nodes notice
/// when their caches expire (<c>OAuth:ClientCheckInterval</c>, 30 s for landing keys).
/// </summary>
public sealed class Revocations(RedisLink? redis = null)
{
    public const string Client = "client", LandingKey = "landing-key";

    internal static readonly RedisChannel Channel = RedisChannel.Literal(RedisLink.Prefix + "revoked");

    /// <summary>Announces that the <paramref name="kind"/> (<see cref="Client"/> or <see cref="LandingKey"/>) <paramref name="id"/> was revoked.</summary>
    public async Task PublishAsync(string kind, string id)
    {
        if (redis is not null)
            await redis.TryAsync(db => db.PublishAsync(Channel, $"{kind}:{id}"));
    }
}
