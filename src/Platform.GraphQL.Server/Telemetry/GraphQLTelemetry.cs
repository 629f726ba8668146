using System.Diagnostics;

namespace Platform.GraphQL.Server.Telemetry;

/// <summary>
/// The name GraphQL operations are traced and measured under: add it as a source to the tracer provider and as a meter
/// to the meter provider. Without a listener nothing is recorded.
/// </summary>
public static class GraphQLTelemetry
{
    public const string Name = "Platform.GraphQL.Server";

    internal static readonly ActivitySource Source = new(Name);
}
