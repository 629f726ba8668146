using StackExchange.Redis;

namespace Platform.Api.Redis;

/// <summary>
/// The node's use of Redis: runs a command, or answers that Redis cannot be used so that the caller falls back to the
/// node's own state. Losing and regaining Redis is logged once each, not per command.
/// </summary>
public sealed class RedisLink(IConnectionMultiplexer connection, ILogger<RedisLink> log)
{
    /// <summary>Prefix of every key and channel the API uses, so that Redis may hold other data too.</summary>
    public const string Prefix = "platform:";

    private int _down;

    public IConnectionMultiplexer Connection => connection;

    /// <summary>The result of <paramref name="command"/>, or <c>(false, default)</c> when Redis is unreachable.</summary>
    public async Task<(bool Done, T Result)> TryAsync<T>(Func<IDatabase, Task<T>> command)
    {
        if (!connection.IsConnected)
        {
            Down(null);
            return (false, default!);
        }
        try
        {
            var result = await command(connection.GetDatabase());
            if (Interlocked.Exchange(ref _down, 0) == 1)
                log.LogInformation("Redis answers again: limits, revocations and KPI writes are shared with the other nodes.");
            return (true, result);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            Down(e);
            return (false, default!);
        }
    }

    private void Down(Exception? e)
    {
        if (Interlocked.Exchange(ref _down, 1) == 0)
            log.LogWarning(e, "Redis is unreachable: this node counts limits on its own and sees revocations and KPI writes of other nodes only when its caches expire.");
    }
}
