using System.ComponentModel.DataAnnotations;
using Platform.GraphQL.Server.Limits;
using Platform.GraphQL.Server.WebSockets;

namespace Platform.Api.GraphQL;

/// <summary>The <c>GraphQL</c> configuration section: limits and switches of the /graphql endpoint.</summary>
public sealed class GraphQLOptions
{
    public const string Section = "GraphQL";

    /// <summary>Request bodies larger than this are refused with 413.</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxRequestBytes { get; set; } = 1_048_576;

    /// <summary>Accept a JSON array of requests in one POST.</summary>
    public bool EnableBatching { get; set; }

    /// <summary>Serve the GraphiQL IDE to browsers at GET /graphql; unset: in Development only.</summary>
    public bool? EnableGraphiQL { get; set; }

    /// <summary>Whether GraphiQL is served in <paramref name="environment"/>.</summary>
    public bool ServesGraphiQL(IHostEnvironment environment) => EnableGraphiQL ?? environment.IsDevelopment();

    /// <summary><c>Cache-Control</c> of successful GET answers, which then carry an ETag (BI tools fetching KPI documents); null: none.</summary>
    public string? GetCacheControl { get; set; }

    /// <summary>A request still running after this long is cancelled and answered with 504.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Document size, depth, alias, root-field, cost and error ceilings per request (the <c>GraphQL:Limits</c> section).</summary>
    public RequestLimits Limits { get; set; } = new();

    /// <summary>GraphQL over WebSocket (graphql-transport-ws) at /graphql: init timeout and per-client limits (the <c>GraphQL:WebSockets</c> section).</summary>
    public GraphQLWebSocketOptions WebSockets { get; set; } = new();
}
