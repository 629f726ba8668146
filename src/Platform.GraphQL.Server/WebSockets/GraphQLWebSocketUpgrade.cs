using GraphQL.Types;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.Logging;
using Platform.GraphQL.Server.Http;

namespace Platform.GraphQL.Server.WebSockets;

/// <summary>Turns a WebSocket upgrade request to the GraphQL endpoint into a graphql-transport-ws connection.</summary>
internal sealed class GraphQLWebSocketUpgrade<TSchema>(GraphQLHttpOptions options, GraphQLWebSocketOptions webSockets, ILogger logger)
    where TSchema : ISchema
{
    private readonly WebSocketClientConnections _clients = new();
    private readonly NextMessages _nextMessages = new(options.MaxErrors);

    public async Task HandleAsync(HttpContext context)
    {
        // Only this subprotocol has the messages served here; refused before the upgrade, a client learns why over HTTP.
        if (!context.WebSockets.WebSocketRequestedProtocols.Contains(GraphQLWsMessageTypes.Subprotocol))
        {
            await GraphQLErrorResponse.WriteAsync(context, StatusCodes.Status400BadRequest, "SUBPROTOCOL_NOT_ACCEPTABLE",
                $"GraphQL over WebSocket needs the subprotocol {GraphQLWsMessageTypes.Subprotocol}.", context.RequestAborted);
            return;
        }

        // A socket lives as long as its subscriptions, not as long as a request may.
        context.Features.Get<IHttpRequestTimeoutFeature>()?.DisableTimeout();
        using var socket = await context.WebSockets.AcceptWebSocketAsync(GraphQLWsMessageTypes.Subprotocol);
        await new GraphQLWsConnection<TSchema>(socket, context, options, webSockets, _clients, _nextMessages, logger).RunAsync();
    }
}
