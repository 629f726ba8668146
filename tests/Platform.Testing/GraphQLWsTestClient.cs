using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Platform.Testing;

/// <summary>A graphql-transport-ws client over a WebSocket (a real <see cref="ClientWebSocket"/>, or the test server's), reading one frame at a time.</summary>
public sealed class GraphQLWsTestClient : IAsyncDisposable
{
    public const string Subprotocol = "graphql-transport-ws";

    // Only guards against a hung test; no assertion depends on it.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    private readonly WebSocket _socket;

    public GraphQLWsTestClient(WebSocket socket) => _socket = socket;

    public static async Task<GraphQLWsTestClient> ConnectAsync(Uri endpoint)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(Subprotocol);
        await socket.ConnectAsync(endpoint, CancellationToken.None).WaitAsync(Patience);
        return new GraphQLWsTestClient(socket);
    }

    /// <summary>Connects, sends <c>connection_init</c> with <c>Bearer {token}</c> and expects the ack.</summary>
    public static async Task<GraphQLWsTestClient> ConnectAndInitAsync(Uri endpoint, string token = "alice")
    {
        var client = await ConnectAsync(endpoint);
        await client.InitAsync(token);
        return client;
    }

    /// <summary>Sends <c>connection_init</c> with <c>Bearer {token}</c> and expects the ack.</summary>
    public async Task InitAsync(string token)
    {
        await SendAsync(JsonSerializer.Serialize(new { type = "connection_init", payload = new { authorization = $"Bearer {token}" } }));
        var ack = await ReceiveAsync();
        if (ack.GetProperty("type").GetString() != "connection_ack")
            throw new InvalidOperationException($"Expected connection_ack, got {ack}");
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
        return frame.Message ?? throw new InvalidOperationException($"The server closed the socket: {(int?)frame.CloseStatus} {frame.CloseReason}");
    }

    /// <summary>The next frame must be the server's close; returns its code and reason.</summary>
    public async Task<(int Code, string Reason)> ReceiveCloseAsync()
    {
        var frame = await ReceiveFrameAsync();
        if (frame.Message is { } message)
            throw new InvalidOperationException($"Expected a close, got {message}");
        return ((int)frame.CloseStatus!.Value, frame.CloseReason ?? "");
    }

    /// <summary>Every message until the server's close, and the close's code and reason.</summary>
    public async Task<(List<JsonElement> Messages, int Code, string Reason)> ReceiveUntilCloseAsync()
    {
        var messages = new List<JsonElement>();
        while (true)
        {
            var frame = await ReceiveFrameAsync();
            if (frame.Message is not { } message)
                return (messages, (int)frame.CloseStatus!.Value, frame.CloseReason ?? "");
            messages.Add(message);
        }
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
