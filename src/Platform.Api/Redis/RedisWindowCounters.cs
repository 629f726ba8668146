using Platform.GraphQL.Server.Limits;
using StackExchange.Redis;

namespace Platform.Api.Redis;

/// <summary>
/// <see cref="IWindowCounters"/> shared by every node through Redis, so a limit counts a caller's requests once whichever
/// node takes them: one script per charge checks and adds atomically. While Redis is unreachable each node counts on its
/// own (<see cref="LocalWindowCounters"/>).
/// </summary>
internal sealed class RedisWindowCounters(RedisLink redis, LocalWindowCounters local, TimeProvider time) : IWindowCounters
{
    /// <summary>KEYS[1] the window's counter; ARGV amount, limit, milliseconds the counter outlives the window by. 1 if charged.</summary>
    private const string Charge = """
        local spent = tonumber(redis.call('GET', KEYS[1]) or '0')
        if spent + tonumber(ARGV[1]) > tonumber(ARGV[2]) then return 0 end
        redis.call('INCRBY', KEYS[1], ARGV[1])
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        return 1
        """;

    // The counter outlives its window a little, for nodes whose clocks run apart.
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(5);

    public async ValueTask<WindowCharge> TryChargeAsync(string key, long amount, long limit, TimeSpan window)
    {
        var now = time.GetUtcNow();
        var windowEnd = WindowCharge.WindowEnd(now, window);
        RedisKey counter = $"{RedisLink.Prefix}window:{key}:{windowEnd.UtcTicks}";
        var (done, result) = await redis.TryAsync(db =>
            db.ScriptEvaluateAsync(Charge, [counter], [amount, limit, (long)(windowEnd - now + Margin).TotalMilliseconds]));
        return done ? WindowCharge.For((long)result == 1, now, window) : await local.TryChargeAsync(key, amount, limit, window);
    }
}
