using Microsoft.AspNetCore.Builder;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Redis;

/// <summary>
/// An API node that shares state through the Redis at <paramref name="redis"/>: of its own database on
/// <paramref name="provider"/> (by default the default test provider), or a second node of <paramref name="first"/>'s.
/// <paramref name="settings"/> are added to its configuration; <paramref name="loopback"/> serves it on a loopback port
/// (real HTTP and WebSockets) instead of the in-memory test server.
/// </summary>
public sealed class RedisNode(string redis, ApiHost? first = null, IReadOnlyDictionary<string, string>? settings = null, string? provider = null, bool loopback = false)
    : ApiHost(first?.Provider ?? provider ?? Environment.GetEnvironmentVariable("PLATFORM_TEST_PROVIDER") ?? "Sqlite")
{
    protected override ApiHost? NodeOf => first;

    protected override bool ListensOnLoopback => loopback;

    protected override void Configure(WebApplicationBuilder builder)
    {
        builder.Configuration["Redis:Configuration"] = redis;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            builder.Configuration[key] = value;
    }
}
