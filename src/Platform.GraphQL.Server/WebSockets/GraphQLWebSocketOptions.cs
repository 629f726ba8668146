using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Platform.GraphQL.Server.WebSockets;

/// <summary>
/// Settings of the graphql-transport-ws transport (https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md)
/// of one endpoint mapped by <c>MapGraphQLHttp</c>; set <c>GraphQLHttpOptions.WebSockets</c> to accept upgrades.
/// </summary>
public sealed class GraphQLWebSocketOptions
{
    /// <summary>A socket without <c>connection_init</c> after this long is closed with 4408.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Open sockets one client may hold on this node (a client is the principal's <c>sub</c> claim, else its name); the
    /// next one is closed with 4429 at <c>connection_init</c>.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxConnectionsPerClient { get; set; } = 10;

    /// <summary>Operations one socket may run at once; a <c>subscribe</c> beyond gets an <c>error</c> with code <c>TOO_MANY_SUBSCRIPTIONS</c>.</summary>
    [Range(1, 10_000)]
    public int MaxSubscriptionsPerConnection { get; set; } = 20;

    /// <summary>
    /// Messages one socket may have waiting to be sent (a client that reads slower than its events come); beyond, the
    /// waiting ones are dropped and the socket is closed with 1013, and the client reconnects (with the last event's id).
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxQueuedMessages { get; set; } = 10_000;

    /// <summary>
    /// Decides <c>connection_init</c> from its payload (null when the message has none) and the upgrade request: a
    /// principal and when it stops being valid (the socket is closed with 4403 then), or a refusal (4403 at once).
    /// Null: the upgrade request's user, without expiry.
    /// </summary>
    public Func<HttpContext, JsonElement?, CancellationToken, ValueTask<WebSocketAuthResult>>? Authenticate { get; set; }
}
