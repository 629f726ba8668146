using System.Net;
using System.Net.WebSockets;
using System.Text;
using Platform.Testing;

namespace Platform.GraphQL.Server.Tests.WebSockets;

/// <summary>The graphql-transport-ws handshake: subprotocol, connection_init and its timeout, the token, ping and pong, limits.</summary>
public sealed class GraphQLWsConnectionTests(GraphQLWsTestHost host) : IClassFixture<GraphQLWsTestHost>
{
    [Theory]
    [InlineData(null)]
    [InlineData("graphql-ws")]
    public async Task Upgrade_WithoutTheSubprotocol_IsRefusedWith400(string? subprotocol)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (subprotocol is not null)
            socket.Options.AddSubProtocol(subprotocol);

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(host.Endpoint, CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, socket.HttpStatusCode);
    }

    [Fact]
    public async Task Init_WithAcceptedToken_IsAcknowledged()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(host.Endpoint);

        await client.SendAsync("""{"type":"connection_init","payload":{"authorization":"Bearer alice"}}""");

        var ack = await client.ReceiveAsync();
        Assert.Equal("connection_ack", ack.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Init_NotSentWithinTheTimeout_Closes4408()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(host.Endpoint);
        // A pong proves the server reads, so its timer runs from before the clock moves.
        await client.SendAsync("""{"type":"ping"}""");
        await client.ReceiveAsync();

        host.Clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(4408, (await client.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task Init_SentTwice_Closes4429()
    {
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(host.Endpoint);

        await client.SendAsync("""{"type":"connection_init","payload":{"authorization":"Bearer alice"}}""");

        Assert.Equal((4429, "Too many initialisation requests"), await client.ReceiveCloseAsync());
    }

    [Theory]
    [InlineData("""{"type":"connection_init"}""")]
    [InlineData("""{"type":"connection_init","payload":{"authorization":"Bearer refused"}}""")]
    [InlineData("""{"type":"connection_init","payload":{"authorization":"Basic YWxpY2U6"}}""")]
    public async Task Init_WithoutAnAcceptedToken_Closes4403(string init)
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(host.Endpoint);

        await client.SendAsync(init);

        Assert.Equal((4403, "Forbidden"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Token_Expires_Closes4403()
    {
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(host.Endpoint);

        host.Clock.Advance(GraphQLWsTestHost.TokenLifetime);

        Assert.Equal(4403, (await client.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task Ping_IsAnsweredWithPong_EchoingItsPayload()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(host.Endpoint);

        await client.SendAsync("""{"type":"ping","payload":{"sent":"now"}}""");
        var echoed = await client.ReceiveAsync();
        await client.SendAsync("""{"type":"pong"}""");
        await client.SendAsync("""{"type":"ping"}""");
        var bare = await client.ReceiveAsync();

        Assert.Equal("pong", echoed.GetProperty("type").GetString());
        Assert.Equal("now", echoed.GetProperty("payload").GetProperty("sent").GetString());
        // The pong in between was ignored: the next message answers the second ping.
        Assert.Equal("pong", bare.GetProperty("type").GetString());
        Assert.False(bare.TryGetProperty("payload", out var payload) && payload.ValueKind != System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Subscribe_BeforeTheAck_Closes4401()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(host.Endpoint);

        await client.SubscribeAsync("1", "{ hello }");

        Assert.Equal((4401, "Unauthorized"), await client.ReceiveCloseAsync());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1]")]
    [InlineData("""{"id":"1"}""")]
    [InlineData("""{"type":"whatever"}""")]
    [InlineData("""{"type":"next","id":"1","payload":{}}""")]
    [InlineData("""{"type":"ping","payload":"text"}""")]
    [InlineData("""{"type":"subscribe","id":"1"}""")]
    [InlineData("""{"type":"subscribe","payload":{"query":"{ hello }"}}""")]
    [InlineData("""{"type":"subscribe","id":"","payload":{"query":"{ hello }"}}""")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":42}}""")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{}}""")]
    [InlineData("""{"type":"complete"}""")]
    public async Task Message_Invalid_Closes4400WithAReason(string message)
    {
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(host.Endpoint);

        await client.SendAsync(message);

        var (code, reason) = await client.ReceiveCloseAsync();
        Assert.Equal(4400, code);
        Assert.StartsWith("Invalid message: ", reason);
    }

    [Fact]
    public async Task Message_Binary_Closes4400()
    {
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(host.Endpoint);

        await client.SendAsync(Encoding.UTF8.GetBytes("""{"type":"ping"}"""), WebSocketMessageType.Binary);

        Assert.Equal(4400, (await client.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task Connections_OverTheClientsLimit_Close4429()
    {
        var open = new List<GraphQLWsTestClient>();
        for (var i = 0; i < GraphQLWsTestHost.MaxConnectionsPerClient; i++)
            open.Add(await GraphQLWsTestClient.ConnectAndInitAsync(host.Endpoint, "busy"));
        await using var other = await GraphQLWsTestClient.ConnectAndInitAsync(host.Endpoint, "other");
        await using var over = await GraphQLWsTestClient.ConnectAsync(host.Endpoint);

        await over.SendAsync("""{"type":"connection_init","payload":{"authorization":"Bearer busy"}}""");

        Assert.Equal((4429, "Too many connections"), await over.ReceiveCloseAsync());
        foreach (var client in open)
            await client.DisposeAsync();
    }
}
