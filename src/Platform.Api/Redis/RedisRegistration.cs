using Platform.Api.Availability;
using Platform.GraphQL.Server.Limits;
using StackExchange.Redis;

namespace Platform.Api.Redis;

/// <summary>
/// Connects the node to Redis when <c>Redis:Configuration</c> is set, and shares through it what must hold across nodes:
/// the per-caller limits and the invalidation of cached state (the data-protection keys: <c>SharedDataProtectionKeys</c>).
/// Without it every node keeps its own state.
/// </summary>
public static class RedisRegistration
{
    public static IServiceCollection AddPlatformRedis(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<Invalidations>();
        if (configuration.GetSection(RedisOptions.Section).Get<RedisOptions>()?.Configuration is not { Length: > 0 } settings)
            return services;

        var options = ConfigurationOptions.Parse(settings);
        // A Redis that is down neither stops the node from starting nor holds up its requests: the connection is
        // retried in the background, and a command without a connection fails at once (the caller then uses local state).
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        services.AddSingleton<RedisLink>();
        services.AddSingleton<LocalWindowCounters>();
        services.AddSingleton<IWindowCounters, RedisWindowCounters>();
        services.AddSingleton<InvalidationListener>();
        services.AddHostedService(sp => sp.GetRequiredService<InvalidationListener>());
        // Degraded, not unhealthy: every node loses the same Redis at once, and each still serves with its own state.
        services.AddHealthChecks().AddRedis(sp => sp.GetRequiredService<IConnectionMultiplexer>(), "redis",
            Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded, [HealthEndpoints.ReadyTag]);
        return services;
    }
}
