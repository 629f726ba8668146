using Platform.Testing;

namespace Platform.GraphQL.Server.Tests.WebSockets;

/// <summary>A field marked to share event results: one execution per event and document, whoever subscribes.</summary>
public sealed class SharedEventResultsTests(GraphQLWsTestHost host) : IClassFixture<GraphQLWsTestHost>
{
    [Fact]
    public async Task Subscribers_WithTheSameDocument_ShareAnEventsExecution_OthersGetTheirOwn()
    {
        var topic = host.Events.Topic("shared");
        const string document = """subscription { sharedEvents(topic: "shared") }""";
        await using var first = await GraphQLWsTestClient.ConnectAndInitAsync(host.Endpoint, "alice");
        await using var second = await GraphQLWsTestClient.ConnectAndInitAsync(host.Endpoint, "bob");
        await using var other = await GraphQLWsTestClient.ConnectAndInitAsync(host.Endpoint, "carol");
        await first.SubscribeAsync("1", document);
        await second.SubscribeAsync("2", document);
        await other.SubscribeAsync("1", """subscription { renamed: sharedEvents(topic: "shared") }""");
        for (var i = 0; i < 3; i++)
            await topic.WaitForSubscriberAsync();

        // A new object: results are shared per event object.
        var value = Guid.NewGuid().ToString();
        topic.Publish(value);
        var received = new[] { await first.ReceiveAsync(), await second.ReceiveAsync(), await other.ReceiveAsync() };

        Assert.Equal(
            [("1", value), ("2", value), ("1", value)],
            received.Select(m => (m.GetProperty("id").GetString(), m.GetProperty("payload").GetProperty("data").EnumerateObject().Single().Value.GetString())));
        Assert.Equal(2, topic.Executions);
    }
}
