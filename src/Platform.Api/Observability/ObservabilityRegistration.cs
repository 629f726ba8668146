using System.Diagnostics.Metrics;
using GraphQL;
using GraphQL.DI;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Platform.Api.Security;
using Platform.GraphQL.Server.Telemetry;

namespace Platform.Api.Observability;

/// <summary>
/// Traces and metrics with OpenTelemetry: OTLP export when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the exporter reads
/// the other <c>OTEL_*</c> variables itself), metrics also in the Prometheus text format at <c>/metrics</c>. Without
/// tracing no span is created; without an exporter no metric is recorded.
/// </summary>
public static class ObservabilityRegistration
{
    /// <summary>The environment variable (or configuration key) that switches OTLP export on.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The database client's own meter (Npgsql: connection pool and command metrics on PostgreSQL).</summary>
    private const string NpgsqlMeter = "Npgsql";

    public static IServiceCollection AddPlatformObservability(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ObservabilityOptions.Section).Get<ObservabilityOptions>() ?? new ObservabilityOptions();
        services.AddOptions<ObservabilityOptions>().Bind(configuration.GetSection(ObservabilityOptions.Section));
        services.AddSingleton<LeadIntakeMetrics>();
        services.AddSingleton<WebhookDeliveryTelemetry>();

        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]);
        if (!otlp && !options.Prometheus && options.Tracing != true)
            return services;
        var telemetry = services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] ?? "platform-api"));
        if (options.Tracing ?? otlp)
        {
            telemetry.WithTracing(tracing =>
            {
                tracing.AddSource(GraphQLTelemetry.Name, PlatformTelemetry.Name)
                    // Probes and scrapes every few seconds would drown the traces that matter.
                    .AddAspNetCoreInstrumentation(http => http.Filter = context => !context.Request.Path.StartsWithSegments("/health") && context.Request.Path != options.MetricsPath)
                    .AddHttpClientInstrumentation()
                    .AddEntityFrameworkCoreInstrumentation();
                if (otlp)
                    tracing.AddOtlpExporter();
            });
        }
        if (otlp || options.Prometheus)
        {
            telemetry.WithMetrics(metrics =>
            {
                metrics.AddMeter(GraphQLTelemetry.Name, PlatformTelemetry.Name, NpgsqlMeter)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation();
                // Meters are matched by name across the process: keep only this host's (tests and the benchmark run several).
                ((IDeferredMeterProviderBuilder)metrics).Configure((services, builder) =>
                {
                    var own = services.GetRequiredService<IMeterFactory>();
                    builder.AddView(instrument => instrument.Meter.Scope is IMeterFactory factory && factory != own ? MetricStreamConfiguration.Drop : null);
                });
                if (options.Prometheus)
                    metrics.AddPrometheusExporter();
                if (otlp)
                    metrics.AddOtlpExporter();
            });
        }
        return services;
    }

    /// <summary>Installs a span per resolved field when <c>Observability:ResolverSpans</c> is on; otherwise resolvers run untouched.</summary>
    public static IGraphQLBuilder AddResolverSpans(this IGraphQLBuilder builder, IConfiguration configuration) =>
        configuration.GetValue<bool>($"{ObservabilityOptions.Section}:{nameof(ObservabilityOptions.ResolverSpans)}")
            ? builder.UseMiddleware<ResolverSpans>()
            : builder;

    /// <summary>
    /// Maps the Prometheus endpoint, for admins and clients granted <c>metrics:read</c> only, and creates the instruments
    /// that observe state (the spool's depth) so they are there from the first scrape.
    /// </summary>
    public static void MapPlatformMetrics(this WebApplication app)
    {
        app.Services.GetRequiredService<LeadIntakeMetrics>();
        var options = app.Services.GetRequiredService<IOptions<ObservabilityOptions>>().Value;
        if (options.Prometheus)
            app.MapPrometheusScrapingEndpoint(options.MetricsPath).RequireAuthorization(Policies.MetricsRead);
    }
}
