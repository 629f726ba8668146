using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Platform.Api.Bulk;

/// <summary>Registers bulk exports: the service, the runner on every node, the file store and the retention.</summary>
public static class BulkExportRegistration
{
    public static IServiceCollection AddBulkExports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BulkExportOptions>().Bind(configuration.GetSection(BulkExportOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IBulkFileStore, FolderFileStore>();
        services.AddSingleton<BulkExportRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<BulkExportRunner>());
        services.AddSingleton<BulkExportRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<BulkExportRetention>());
        services.AddScoped<BulkExportService>();
        return services;
    }
}
