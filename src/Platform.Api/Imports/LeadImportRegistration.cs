namespace Platform.Api.Imports;

/// <summary>Registers lead imports: the service and the runner on every node (files live in the bulk file store).</summary>
public static class LeadImportRegistration
{
    public static IServiceCollection AddLeadImports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LeadImportOptions>().Bind(configuration.GetSection(LeadImportOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LeadImportRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<LeadImportRunner>());
        services.AddScoped<LeadImportService>();
        return services;
    }
}
