using System.Diagnostics;

namespace Platform.Api.Observability;

/// <summary>The name the API's own spans and instruments are published under (the GraphQL server has its own).</summary>
public static class PlatformTelemetry
{
    public const string Name = "Platform.Api";

    internal static readonly ActivitySource Source = new(Name);
}
