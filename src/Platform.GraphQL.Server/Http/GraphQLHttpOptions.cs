using GraphQL;
using Microsoft.AspNetCore.Http;
using Platform.GraphQL.Server.WebSockets;

namespace Platform.GraphQL.Server.Http;

/// <summary>Settings of one GraphQL-over-HTTP endpoint mapped by <c>MapGraphQLHttp</c>.</summary>
public sealed class GraphQLHttpOptions
{
    /// <summary>Largest accepted POST body in bytes; larger bodies get 413, whether announced by Content-Length or not.</summary>
    public long MaxRequestBytes { get; set; } = 1_048_576;

    /// <summary>Most errors in one result; further errors are dropped for one final <c>TOO_MANY_ERRORS</c> error.</summary>
    public int MaxErrors { get; set; } = 100;

    /// <summary>Accepts a JSON array of requests and answers with an array of results.</summary>
    public bool EnableBatching { get; set; }

    /// <summary>Serves the GraphiQL IDE to GET requests that accept text/html.</summary>
    public bool EnableGraphiQL { get; set; } = true;

    /// <summary>
    /// GraphiQL builds its docs and completion from the schema served at <c>{endpoint}/graphiql/schema.json</c> without
    /// a token, instead of introspecting with the caller's headers. Only for a schema that is published anyway (e.g. on
    /// a developer's machine): anyone who can reach the endpoint can read it.
    /// </summary>
    public bool GraphiQLSchemaWithoutToken { get; set; }

    /// <summary>The <c>WWW-Authenticate</c> header of a 401 answer, sent when a selected field needs an authenticated caller.</summary>
    public string AuthenticationChallenge { get; set; } = "Bearer";

    /// <summary>
    /// <c>Cache-Control</c> of a successful GET answer (a query without errors), e.g. <c>private, max-age=60</c>; such answers
    /// also carry an <c>ETag</c> of their body and answer a matching <c>If-None-Match</c> with 304. Null: no caching headers.
    /// </summary>
    public string? GetCacheControl { get; set; }

    /// <summary>
    /// Accepts WebSocket upgrades with the graphql-transport-ws subprotocol at the endpoint's URL (subscriptions, and
    /// queries and mutations too); null: none. Messages are limited to <see cref="MaxRequestBytes"/>.
    /// </summary>
    public GraphQLWebSocketOptions? WebSockets { get; set; }

    /// <summary>Runs for every operation after the transport fields are set and before execution (user context, limits, rules), over HTTP and WebSockets.</summary>
    public Func<HttpContext, ExecutionOptions, Task>? ConfigureExecution { get; set; }
}
