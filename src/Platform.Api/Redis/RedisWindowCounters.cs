using Platform.GraphQL.Server.Limits;
using StackExchange.Redis;

namespace Platform.Api.Redis;

/// <summary>
/// <see cref="IWindowCounters"/> shared by every node through Redis, so a limit counts a caller's requests once whichever
/// node takes them: one script per charge checks and adds all its counts atomically, so a form post's rate limits and
/// cost budget take one round trip. While Redis is unreachable each node counts on its own (<see cref="LocalWindowCounters"/>).
/// The keys of one charge are different callers' counters, so the Redis must be one server (with replicas or
/// Sentinel), not a cluster whose shards hold them apart.
/// </summary>
internal sealed class RedisWindowCounters(RedisLink redis, LocalWindowCounters local, TimeProvider time) : IWindowCounters
{
    /// <summary>
    /// KEYS the windows' counters; ARGV per key amount, limit, milliseconds the counter outlives its window by. 0 if
    /// charged, else the (1-based) index of the first key that would go over its limit, with nothing added.
    /// </summary>
    private const string Charge = """
        for i = 1, #KEYS do
          local spent = tonumber(redis.call('GET', KEYS[i]) or '0')
          if spent + tonumber(ARGV[3 * i - 2]) > tonumber(ARGV[3 * i - 1]) then return i end
        end
        for i = 1, #KEYS do
          redis.call('INCRBY', KEYS[i], ARGV[3 * i - 2])
          redis.call('PEXPIRE', KEYS[i], ARGV[3 * i])
        end
        return 0
        """;

    // The counter outlives its window a little, for nodes whose clocks run apart.
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(5);

    public async ValueTask<WindowCharge> TryChargeAsync(IReadOnlyList<WindowCount> counts)
    {
        var now = time.GetUtcNow();
        var keys = new RedisKey[counts.Count];
        var values = new RedisValue[counts.Count * 3];
        for (var i = 0; i < counts.Count; i++)
        {
            var windowEnd = counts[i].WindowEnd(now);
            keys[i] = $"{RedisLink.Prefix}window:{counts[i].Key}:{windowEnd.UtcTicks}";
            values[3 * i] = counts[i].Amount;
            values[3 * i + 1] = counts[i].Limit;
            values[3 * i + 2] = (long)(windowEnd - now + Margin).TotalMilliseconds;
        }
        var (done, result) = await redis.TryAsync(db => db.ScriptEvaluateAsync(Charge, keys, values));
        if (!done)
            return await local.TryChargeAsync(counts);
        return (long)result is var refused and > 0 ? WindowCharge.RefusedBy(counts, (int)refused - 1, now) : WindowCharge.Done;
    }
}
