using Microsoft.Extensions.Options;
using Platform.Api.Common;
using Platform.Domain.Clients;
using Platform.Domain.Loyalty;

namespace Platform.Api.Loyalty;

/// <summary>Registers the loyalty rules and the client-figure thresholds, both validated at start-up.</summary>
public static class LoyaltyRegistration
{
    public static IServiceCollection AddLoyalty(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LoyaltyOptions>().Bind(configuration.GetSection(LoyaltyOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LoyaltyOptions>>(new OptionsProblems<LoyaltyOptions>(o => o.Problems()));
        services.AddOptions<ClientInsightsOptions>().Bind(configuration.GetSection(ClientInsightsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ClientInsightsOptions>>(new OptionsProblems<ClientInsightsOptions>(o => o.Problems()));
        services.AddSingleton(sp => new DiscountEngine(sp.GetRequiredService<IOptions<LoyaltyOptions>>().Value));
        services.AddScoped<PurchaseFacts>();
        services.AddScoped<OrderPricing>();
        return services;
    }
}
