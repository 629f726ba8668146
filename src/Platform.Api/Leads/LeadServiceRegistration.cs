using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Api.Leads.Conversion;
using Platform.Api.Leads.FormTokens;
using Platform.Api.Leads.Spool;
using Platform.Api.Leads.Submission;
using Platform.GraphQL.Server.Limits;

namespace Platform.Api.Leads;

/// <summary>Services of the Leads feature.</summary>
public static class LeadServiceRegistration
{
    public static IServiceCollection AddLeads(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LeadOptions>().Bind(configuration.GetSection(LeadOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddMemoryCache();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ContactNormalizer>();
        services.AddSingleton<SubmissionValidator>();
        services.AddScoped<LandingKeyService>();
        services.AddSingleton<KnownLandingKeys>();
        services.AddScoped<LandingKeyRegistry>();
        services.AddScoped<LeadRouting>();
        services.AddScoped<LeadSubmissionService>();
        services.AddSingleton<LeadIntake>();
        services.AddHostedService(sp => sp.GetRequiredService<LeadIntake>());
        services.AddScoped<LeadConversionService>();
        // Opened when first resolved (its file is created then), not at start-up.
        services.AddOptions<SpoolOptions>().Bind(configuration.GetSection(SpoolOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SubmissionSpool>();
        services.AddHostedService<SpoolDrain>();
        services.AddSingleton<UsedFormTokenSweep>();
        services.AddHostedService(sp => sp.GetRequiredService<UsedFormTokenSweep>());
        services.TryAddSingleton<IWindowCounters, LocalWindowCounters>();
        return services;
    }
}
