using System.Text.Json;
using Platform.GraphQL.Server.Tests.Http;
using Platform.Testing;

namespace Platform.GraphQL.Server.Tests.WebSockets;

/// <summary>graphql-transport-ws operations: next per event, complete both ways, error for invalid requests, ids, limits.</summary>
public sealed class GraphQLWsOperationTests(GraphQLWsTestHost host) : IClassFixture<GraphQLWsTestHost>
{
    [Fact]
    public async Task Subscribe_SendsNextPerEvent_AndCompleteWhenTheStreamEnds()
    {
        var topic = host.Events.Topic("stream");
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(host.Endpoint);

        await client.SubscribeAsync("1", """subscription { events(topic: "stream") }""");
        await topic.WaitForSubscriberAsync();
        topic.Publish("first");
        topic.Publish("second");
        var first = await client.ReceiveAsync();
        var second = await client.ReceiveAsync();
        topic.Complete();
        var complete = await client.ReceiveAsync();

        Assert.Equal(("next", "1", "first"), (Type(first), Id(first), first.GetProperty("payload").GetProperty("data").GetProperty("events").GetString()));
        Assert.Equal("second", second.GetProperty("payload").GetProperty("data").GetProperty("events").GetString());
        Assert.Equal(("complete", "1"), (Type(complete), Id(complete)));
    }

    [Fact]
    public async Task Complete_FromTheClient_StopsTheStreamAndFreesTheId()
    {
        var topic = host.Events.Topic("stopped");
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(host.Endpoint);
        await client.SubscribeAsync("1", """subscription { events(topic: "stopped") }""");
        await topic.WaitForSubscriberAsync();

        await client.SendAsync("""{"type":"complete","id":"1"}""");
        await topic.WaitForUnsubscribeAsync();
        await client.SubscribeAsync("1", """subscription { events(topic: "stopped") }""");
        await topic.WaitForSubscriberAsync();
        topic.Publish("again");

        var next = await client.ReceiveAsync();
        Assert.Equal(("next", "1"), (Type(next), Id(next)));
        Assert.Equal("again", next.GetProperty("payload").GetProperty("data").GetProperty("events").GetString());
    }

    [Fact]
    public async Task Subscribe_WithAnActiveId_Closes4409()
    {
        var topic = host.Events.Topic("duplicate");
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(host.Endpoint);
        await client.SubscribeAsync("same", """subscription { events(topic: "duplicate") }""");
        await topic.WaitForSubscriberAsync();

        await client.SubscribeAsync("same", """subscription { events(topic: "duplicate") }""");

        Assert.Equal((4409, "Subscriber for same already exists"), await client.ReceiveCloseAsync());
        // Closing the socket ended the first subscription too.
        await topic.WaitForUnsubscribeAsync();
    }

    [Fact]
    public async Task Subscribe_Query_SendsOneNextAndComplete_AsTheSocketsUser()
    {
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(host.Endpoint, "bob");

        await client.SubscribeAsync("q", "{ me greeting }");
        var next = await client.ReceiveAsync();
        var complete = await client.ReceiveAsync();

        Assert.Equal(("next", "q"), (Type(next), Id(next)));
        var data = next.GetProperty("payload").GetProperty("data");
        Assert.Equal("bob", data.GetProperty("me").GetString());
        Assert.Equal(GraphQLHttpTestHost.HookGreeting, data.GetProperty("greeting").GetString());
        Assert.Equal(("complete", "q"), (Type(complete), Id(complete)));
    }

    [Fact]
    public async Task Subscribe_Mutation_RunsOnce()
    {
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(host.Endpoint);

        await client.SubscribeAsync("m", """mutation { echo(text: "hi") }""");
        var next = await client.ReceiveAsync();

        Assert.Equal("hi", next.GetProperty("payload").GetProperty("data").GetProperty("echo").GetString());
        Assert.Equal("complete", Type(await client.ReceiveAsync()));
    }

    [Fact]
    public async Task Subscribe_InvalidDocument_SendsErrorAndKeepsTheSocket()
    {
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(host.Endpoint);

        await client.SubscribeAsync("bad", "subscription { nothing }");
        var error = await client.ReceiveAsync();
        await client.SendAsync("""{"type":"ping"}""");

        Assert.Equal(("error", "bad"), (Type(error), Id(error)));
        var errors = error.GetProperty("payload");
        Assert.Equal(JsonValueKind.Array, errors.ValueKind);
        Assert.Contains("nothing", errors[0].GetProperty("message").GetString());
        Assert.Equal("pong", Type(await client.ReceiveAsync()));
    }

    [Fact]
    public async Task Subscribe_FieldTheUserMayNotRead_SendsAccessDenied()
    {
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(host.Endpoint);

        await client.SubscribeAsync("1", """subscription { adminEvents(topic: "denied") }""");
        var error = await client.ReceiveAsync();

        Assert.Equal("error", Type(error));
        Assert.Equal("ACCESS_DENIED", error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Subscribe_FieldTheUserMayRead_Streams()
    {
        var topic = host.Events.Topic("allowed");
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(host.Endpoint, TestEvents.AdminRole);

        await client.SubscribeAsync("1", """subscription { adminEvents(topic: "allowed") }""");
        await topic.WaitForSubscriberAsync();
        topic.Publish("secret");

        var next = await client.ReceiveAsync();
        Assert.Equal("secret", next.GetProperty("payload").GetProperty("data").GetProperty("adminEvents").GetString());
    }

    [Fact]
    public async Task Subscribe_OverTheConnectionsLimit_SendsTooManySubscriptions()
    {
        var topic = host.Events.Topic("limit");
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(host.Endpoint);
        for (var i = 0; i < GraphQLWsTestHost.MaxSubscriptionsPerConnection; i++)
        {
            await client.SubscribeAsync($"s{i}", """subscription { events(topic: "limit") }""");
            await topic.WaitForSubscriberAsync();
        }

        await client.SubscribeAsync("over", """subscription { events(topic: "limit") }""");
        var error = await client.ReceiveAsync();

        Assert.Equal(("error", "over"), (Type(error), Id(error)));
        Assert.Equal("TOO_MANY_SUBSCRIPTIONS", error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Socket_ClosedByTheClient_EndsEverySubscription()
    {
        var first = host.Events.Topic("closed-1");
        var second = host.Events.Topic("closed-2");
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(host.Endpoint);
        await client.SubscribeAsync("1", """subscription { events(topic: "closed-1") }""");
        await client.SubscribeAsync("2", """subscription { events(topic: "closed-2") }""");
        await first.WaitForSubscriberAsync();
        await second.WaitForSubscriberAsync();

        await client.CloseAsync();

        await first.WaitForUnsubscribeAsync();
        await second.WaitForUnsubscribeAsync();
    }

    private static string? Type(JsonElement message) => message.GetProperty("type").GetString();

    private static string? Id(JsonElement message) => message.GetProperty("id").GetString();
}
