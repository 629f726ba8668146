namespace Platform.Api.Privacy;

/// <summary>Services of the privacy feature: the known consent texts, erasure, access export and the spam retention.</summary>
public static class PrivacyRegistration
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PrivacyOptions>().Bind(configuration.GetSection(PrivacyOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<KnownConsentTexts>();
        services.AddScoped<PersonErasure>();
        services.AddScoped<PersonDataExport>();
        services.AddSingleton<RejectedSubmissionRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<RejectedSubmissionRetention>());
        return services;
    }
}
