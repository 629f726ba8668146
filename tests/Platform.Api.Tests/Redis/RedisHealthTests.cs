using System.Net;
using System.Text.Json.Nodes;
using Platform.Api.Tests.Infrastructure;
using Platform.Testing;

namespace Platform.Api.Tests.Redis;

/// <summary>With <c>Redis:Configuration</c> set, <c>/health/ready</c> reports Redis: degraded while it is down (the node serves on with its own state and limits), healthy once it is back.</summary>
public sealed class RedisHealthTests : IAsyncLifetime
{
    private RedisServer _redis = null!;
    private ApiHost _api = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartNewAsync();
        _api = new RedisNode(_redis.Configuration);
        await _api.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task Ready_ReportsRedis_DegradedWhileItIsDown()
    {
        var (status, body) = await ReadyAsync();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", (string?)body["status"]);
        Assert.Equal("Healthy", (string?)body["checks"]!["redis"]!["status"]);

        await _redis.StopAsync();
        var (downStatus, down) = await ReadyAsync();
        Assert.Equal(HttpStatusCode.OK, downStatus);
        Assert.Equal("Degraded", (string?)down["status"]);
        Assert.Equal("Degraded", (string?)down["checks"]!["redis"]!["status"]);
        Assert.Equal("Healthy", (string?)down["checks"]!["database"]!["status"]);
        // Anonymous, so nothing about the server: no address, no error text.
        Assert.DoesNotContain(_redis.Configuration.Split(':')[1], down.ToJsonString());
        Assert.Null(down["checks"]!["redis"]!["description"]);
        // Limits fall back to the node's own counters.
        Assert.Null((await _api.PostAsync("{ leads(first: 1) { totalCount } }"))["errors"]);

        await _redis.StartAsync();
        var back = await ReadyWhenRedisAnswersAsync();
        Assert.Equal("Healthy", (string?)back["status"]);
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> ReadyAsync()
    {
        using var response = await _api.Anonymous.GetAsync("/health/ready");
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    /// <summary>The client reconnects in the background; the connection's own event says when.</summary>
    private async Task<JsonObject> ReadyWhenRedisAnswersAsync()
    {
        var redis = (StackExchange.Redis.IConnectionMultiplexer)_api.Services.GetService(typeof(StackExchange.Redis.IConnectionMultiplexer))!;
        var restored = new TaskCompletionSource();
        redis.ConnectionRestored += (_, _) => restored.TrySetResult();
        if (!redis.IsConnected)
            await restored.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return (await ReadyAsync()).Body;
    }
}
