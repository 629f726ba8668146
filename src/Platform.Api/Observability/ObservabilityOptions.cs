namespace Platform.Api.Observability;

/// <summary>The <c>Observability</c> section: what is traced and where metrics are served. OTLP export follows the standard <c>OTEL_*</c> variables.</summary>
public sealed class ObservabilityOptions
{
    public const string Section = "Observability";

    /// <summary>Record spans; unset: only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (without a listener spans cost nothing).</summary>
    public bool? Tracing { get; set; }

    /// <summary>A span per resolved GraphQL field, for finding a slow resolver; every field of every item pays for it.</summary>
    public bool ResolverSpans { get; set; }

    /// <summary>Serve metrics in the Prometheus text format at <see cref="MetricsPath"/> to callers passing <c>metrics:read</c>.</summary>
    public bool Prometheus { get; set; } = true;

    public string MetricsPath { get; set; } = "/metrics";
}
