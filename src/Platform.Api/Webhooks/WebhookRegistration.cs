using Microsoft.Extensions.Options;
using Platform.Api.Common;

namespace Platform.Api.Webhooks;

/// <summary>Registers webhook management and the dispatcher.</summary>
public static class WebhookRegistration
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>>(new OptionsProblems<WebhookOptions>(o => o.Problems()));
        services.AddSingleton<WebhookReceivers>();
        // Redirects are not followed (a receiver could point one inward); every connection is checked (SSRF).
        services.AddHttpClient(WebhookSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                ConnectCallback = sp.GetRequiredService<WebhookReceivers>().ConnectAsync,
            });
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        services.AddScoped<WebhookService>();
        return services;
    }
}
