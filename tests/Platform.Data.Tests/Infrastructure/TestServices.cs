using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Data.Tests.Infrastructure;

/// <summary>Builds a service provider the way the API composes the data layer.</summary>
internal static class TestServices
{
    public static ServiceProvider Build(
        string? provider,
        string? connectionString,
        Action<IServiceCollection>? configure = null,
        string? contentRoot = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = provider,
                ["Database:ConnectionString"] = connectionString,
                ["contentRoot"] = contentRoot,
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        configure?.Invoke(services);
        services.AddPlatformData(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}
