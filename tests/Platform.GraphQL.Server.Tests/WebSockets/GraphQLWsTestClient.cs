using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Platform.GraphQL.Server.Tests.WebSockets;

/// <summary>A graphql-transport-ws client over a real <see cref="ClientWebSocket"/>, reading one frame at a time.</summary>
public sealed class GraphQLWsTestClient : IAsyncDisposable
{
    public const string Subprotocol = "graphql-transport-ws";

    // Only guards against a hung test; no assertion depends on it.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    private readonly ClientWebSocket _socket;

    private GraphQLWsTestClient(ClientWebSocket socket) => _socket = socket;

    public static async Task<GraphQLWsTestClient> ConnectAsync(Uri endpoint)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(Subprotocol);
        await socket.ConnectAsync(endpoint, CancellationToken.None).WaitAsync(Patience);
        return new GraphQLWsTestClient(socket);
    }

    /// <summary>Connects, sends <c>connection_init</c> with <c>Bearer {user}</c> and expects the ack.</summary>
    public static async Task<GraphQLWsTestClient> ConnectAndInitAsync(Uri endpoint, string user = "alice")
    {
        var client = await ConnectAsync(endpoint);
        await client.SendAsync(JsonSerializer.Serialize(new { type = "connection_init", payload = new { authorization = $"Bearer {user}" } }));
        Assert.Equal("connection_ack", (await client.ReceiveAsync()).GetProperty("type").GetString());
        return client;
    }

    public Task SendAsync(string json) => SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text);

    public Task SendAsync(byte[] bytes, WebSocketMessageType type) =>
        _socket.SendAsync(bytes, type, endOfMessage: true, CancellationToken.None).WaitAsync(Patience);

    public Task SubscribeAsync(string id, string query) =>
        SendAsync(JsonSerializer.Serialize(new { id, type = "subscribe", payload = new { query } }));

    /// <summary>The next message; fails when the server closed instead.</summary>
    public async Task<JsonElement> ReceiveAsync()
    {
        var frame = await ReceiveFrameAsync();
        Assert.True(frame.Message is not null, $"The server closed the socket: {frame.CloseStatus} {frame.CloseReason}");
        return frame.Message!.Value;
    }

    /// <summary>The next frame must be the server's close; returns its code and reason.</summary>
    public async Task<(int Code, string Reason)> ReceiveCloseAsync()
    {
        var frame = await ReceiveFrameAsync();
        Assert.True(frame.Message is null, $"Expected a close, got {frame.Message}");
        return ((int)frame.CloseStatus!.Value, frame.CloseReason ?? "");
    }

    public Task CloseAsync() => _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None).WaitAsync(Patience);

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return default;
    }

    private async Task<Frame> ReceiveFrameAsync()
    {
        using var message = new MemoryStream();
        var buffer = new byte[4096];
        while (true)
        {
            var received = await _socket.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(Patience);
            if (received.MessageType == WebSocketMessageType.Close)
                return new Frame(null, received.CloseStatus, received.CloseStatusDescription);
            message.Write(buffer, 0, received.Count);
            if (received.EndOfMessage)
                return new Frame(JsonDocument.Parse(message.ToArray()).RootElement.Clone(), null, null);
        }
    }

    private sealed record Frame(JsonElement? Message, WebSocketCloseStatus? CloseStatus, string? CloseReason);
}
