namespace Platform.Api.Imports;

/// <summary>Registers lead imports: the service, the runner on every node and the retention (files live in the bulk file store).</summary>
public static class LeadImportRegistration
{
    public static IServiceCollection AddLeadImports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LeadImportOptions>().Bind(configuration.GetSection(LeadImportOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LeadImportRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<LeadImportRunner>());
        services.AddSingleton<LeadImportRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<LeadImportRetention>());
        services.AddScoped<LeadImportService>();
        return services;
    }
}
