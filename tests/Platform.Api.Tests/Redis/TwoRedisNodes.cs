using Platform.Api.Tests.Infrastructure;
using Platform.Testing;

namespace Platform.Api.Tests.Redis;

/// <summary>Two API nodes on one database and one throwaway Redis, as two processes of a fleet behind a load balancer.</summary>
public class TwoRedisNodes : IAsyncLifetime
{
    public RedisServer Redis { get; private set; } = null!;

    public ApiHost A { get; private set; } = null!;

    public ApiHost B { get; private set; } = null!;

    /// <summary>Configuration both nodes get besides Redis.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        Redis = await RedisServer.StartNewAsync();
        A = new RedisNode(Redis.Configuration, settings: Settings);
        await A.InitializeAsync();
        B = new RedisNode(Redis.Configuration, A, Settings);
        await B.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        await Redis.DisposeAsync();
    }
}
