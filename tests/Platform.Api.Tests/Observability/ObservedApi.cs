using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Platform.Api.Tests.Infrastructure;
using Platform.Testing;

namespace Platform.Api.Tests.Observability;

/// <summary>
/// The API with tracing on and in-memory exporters for its spans and metrics, and a logger provider that records what
/// the configured log levels let through.
/// </summary>
public sealed class ObservedApi() : ApiHost(Environment.GetEnvironmentVariable("PLATFORM_TEST_PROVIDER") ?? "Sqlite")
{
    /// <summary>Every span that ended in this process while the host ran (spans are not per host: filter by trace).</summary>
    public ConcurrentCollection<Activity> Spans { get; } = new();

    public ConcurrentCollection<MetricSnapshot> Metrics { get; } = new();

    public RecordingLoggerProvider Logs { get; } = new();

    protected override void Configure(WebApplicationBuilder builder)
    {
        builder.Configuration["Observability:Tracing"] = "true";
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
        builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Metrics));
        builder.Logging.AddProvider(Logs);
    }

    /// <summary>The metrics as of now: exports them and returns the last value of each.</summary>
    public IReadOnlyDictionary<string, MetricSnapshot> CollectMetrics()
    {
        Metrics.Clear();
        Services.GetRequiredService<MeterProvider>().ForceFlush();
        return Metrics.GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.Last());
    }
}
