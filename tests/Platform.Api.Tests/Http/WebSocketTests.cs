using Platform.Api.Tests.Infrastructure;
using Platform.DemoData;

namespace Platform.Api.Tests.Http;

/// <summary>GraphQL over WebSocket at /graphql: the access token of connection_init decides, as a bearer token over HTTP does.</summary>
public sealed class WebSocketTests(DefaultApi api) : IClassFixture<DefaultApi>
{
    [Fact]
    public async Task IntegrationToken_Connects_AndRunsOperationsAsTheClient()
    {
        await using var client = await api.ConnectWebSocketAsync();
        await client.InitAsync(await api.TokenAsync(DemoClients.Integration));

        await client.SendAsync("""{"type":"ping"}""");
        var pong = await client.ReceiveAsync();
        await client.SubscribeAsync("count", "{ leads(first: 1) { totalCount } }");
        var next = await client.ReceiveAsync();
        var complete = await client.ReceiveAsync();

        Assert.Equal("pong", pong.GetProperty("type").GetString());
        Assert.Equal("next", next.GetProperty("type").GetString());
        Assert.True(next.GetProperty("payload").GetProperty("data").GetProperty("leads").GetProperty("totalCount").GetInt32() > 0);
        Assert.Equal("complete", complete.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Subscription_WithoutSubscriptionFields_GetsAnError()
    {
        await using var client = await api.ConnectWebSocketAsync();
        await client.InitAsync(await api.TokenAsync(DemoClients.Integration));

        await client.SubscribeAsync("1", "subscription { leadEvents }");
        var error = await client.ReceiveAsync();

        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.NotEmpty(error.GetProperty("payload").EnumerateArray());
    }

    [Theory]
    [InlineData("""{"type":"connection_init","payload":{"authorization":"Bearer not-a-token"}}""")]
    [InlineData("""{"type":"connection_init"}""")]
    public async Task BadOrMissingToken_Closes4403(string init)
    {
        await using var client = await api.ConnectWebSocketAsync();

        await client.SendAsync(init);

        Assert.Equal(4403, (await client.ReceiveCloseAsync()).Code);
    }
}
