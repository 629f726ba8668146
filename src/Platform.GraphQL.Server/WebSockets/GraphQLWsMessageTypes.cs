namespace Platform.GraphQL.Server.WebSockets;

/// <summary>The message types of graphql-transport-ws and its subprotocol name.</summary>
internal static class GraphQLWsMessageTypes
{
    public const string Subprotocol = "graphql-transport-ws";

    public const string ConnectionInit = "connection_init";
    public const string ConnectionAck = "connection_ack";
    public const string Ping = "ping";
    public const string Pong = "pong";
    public const string Subscribe = "subscribe";
    public const string Next = "next";
    public const string Error = "error";
    public const string Complete = "complete";
}
