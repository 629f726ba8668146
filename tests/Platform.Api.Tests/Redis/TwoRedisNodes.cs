using Platform.Api.Tests.Infrastructure;
using Platform.Testing;

namespace Platform.Api.Tests.Redis;

/// <summary>Two API nodes on one database and one throwaway Redis, as two processes of a fleet behind a load balancer.</summary>
public class TwoRedisNodes : IAsyncLifetime
{
    public RedisServer Redis { get; private set; } = null!;

    public ApiHost A { get; private set; } = null!;

    public ApiHost B { get; private set; } = null!;

    /// <summary>Configuration node <paramref name="node"/> (A or B) gets besides Redis.</summary>
    protected virtual IReadOnlyDictionary<string, string> SettingsOf(string node) => new Dictionary<string, string>();

    /// <summary>The database provider of the nodes; null for the default test provider.</summary>
    protected virtual string? Provider => null;

    /// <summary>Whether the nodes serve on loopback ports (real HTTP and WebSockets) instead of the in-memory test server.</summary>
    protected virtual bool Loopback => false;

    public virtual async Task InitializeAsync()
    {
        Redis = await RedisServer.StartNewAsync();
        A = new RedisNode(Redis.Configuration, settings: SettingsOf("A"), provider: Provider, loopback: Loopback);
        await A.InitializeAsync();
        B = new RedisNode(Redis.Configuration, A, SettingsOf("B"), loopback: Loopback);
        await B.InitializeAsync();
    }

    public virtual async Task DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        await Redis.DisposeAsync();
    }
}
