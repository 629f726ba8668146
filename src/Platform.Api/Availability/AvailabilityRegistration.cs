using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Platform.Api.Availability;

/// <summary>Services that notice an unreachable database and answer 503 meanwhile.</summary>
public static class AvailabilityRegistration
{
    /// <summary>
    /// Registers <see cref="DatabaseAvailability"/> (singleton: resolve it to ask <see cref="DatabaseAvailability.IsAvailable"/> or to
    /// report a failure), the interceptor that feeds it from every database context and its background probe; options
    /// from the <c>Availability</c> section.
    /// </summary>
    public static IServiceCollection AddDatabaseAvailability(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AvailabilityOptions>().Bind(configuration.GetSection(AvailabilityOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DatabaseAvailability>();
        services.AddSingleton<IInterceptor, DatabaseFailureInterceptor>();
        services.AddHostedService<DatabaseAvailabilityProbe>();
        return services;
    }
}
