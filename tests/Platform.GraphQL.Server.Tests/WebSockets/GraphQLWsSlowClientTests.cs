using System.Globalization;
using Platform.Testing;

namespace Platform.GraphQL.Server.Tests.WebSockets;

/// <summary>A client that reads slower than its events come: closed with 1013 once its queue is full, never thinned out.</summary>
public sealed class GraphQLWsSlowClientTests : IAsyncLifetime
{
    private readonly GraphQLWsTestHost _host = new() { MaxQueuedMessages = 4 };

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Client_NotReading_IsClosedWith1013_AfterAnUnbrokenPrefixOfItsEvents()
    {
        var topic = _host.Events.Topic("flood");
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(_host.Endpoint);
        await client.SubscribeAsync("1", """subscription { events(topic: "flood") }""");
        await topic.WaitForSubscriberAsync();

        // 32 MB: more than the socket buffers hold, so the server's queue fills while the client reads nothing.
        var filler = new string('x', 32 * 1024);
        for (var i = 0; i < 1_000; i++)
            topic.Publish($"{i} {filler}");
        var (messages, code, reason) = await client.ReceiveUntilCloseAsync();
        var received = messages.Select(m => int.Parse(m.GetProperty("payload").GetProperty("data").GetProperty("events").GetString()!.Split(' ')[0], CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(1013, code);
        Assert.StartsWith("Too slow", reason, StringComparison.Ordinal);
        Assert.InRange(received.Count, 0, 999);
        Assert.Equal(Enumerable.Range(0, received.Count), received);
    }
}
