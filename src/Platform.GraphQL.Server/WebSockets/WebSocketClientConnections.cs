namespace Platform.GraphQL.Server.WebSockets;

/// <summary>Open sockets per client on this node, for <see cref="GraphQLWebSocketOptions.MaxConnectionsPerClient"/>.</summary>
internal sealed class WebSocketClientConnections
{
    private readonly Dictionary<string, int> _open = [];

    /// <summary>Counts a new socket of <paramref name="client"/>; false when it holds <paramref name="max"/> already.</summary>
    public bool TryOpen(string client, int max)
    {
        lock (_open)
        {
            _open.TryGetValue(client, out var count);
            if (count >= max)
                return false;
            _open[client] = count + 1;
            return true;
        }
    }

    public void Close(string client)
    {
        lock (_open)
        {
            if (_open[client] == 1)
                _open.Remove(client);
            else
                _open[client]--;
        }
    }
}
