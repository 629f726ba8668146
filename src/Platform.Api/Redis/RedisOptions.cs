namespace Platform.Api.Redis;

/// <summary>The <c>Redis</c> section: the Redis server the nodes of a fleet share state through.</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>
    /// A StackExchange.Redis configuration string (<c>host:port,password=…,ssl=true</c>). Unset, every node keeps its
    /// limits and caches in its own memory, which suits a single node.
    /// </summary>
    public string? Configuration { get; set; }
}
