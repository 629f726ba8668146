using Microsoft.AspNetCore.Builder;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Redis;

/// <summary>
/// An API node that shares state through the Redis at <paramref name="redis"/>: of its own database on the default test
/// provider, or a second node of <paramref name="first"/>'s. <paramref name="settings"/> are added to its configuration.
/// </summary>
public sealed class RedisNode(string redis, ApiHost? first = null, IReadOnlyDictionary<string, string>? settings = null)
    : ApiHost(first?.Provider ?? Environment.GetEnvironmentVariable("PLATFORM_TEST_PROVIDER") ?? "Sqlite")
{
    protected override ApiHost? NodeOf => first;

    protected override void Configure(WebApplicationBuilder builder)
    {
        builder.Configuration["Redis:Configuration"] = redis;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            builder.Configuration[key] = value;
    }
}
