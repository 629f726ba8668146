using System.Net;
using System.Text.Json.Nodes;
using Platform.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Platform.Testing;
using StackExchange.Redis;

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

        var restored = RestoredAsync();
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
        await restored.WaitAsync(TimeSpan.FromSeconds(30));
        var back = (await ReadyAsync()).Body;
        Assert.Equal("Healthy", (string?)back["status"]);
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> ReadyAsync()
    {
        using var response = await _api.Anonymous.GetAsync("/health/ready");
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    /// <summary>Completes when the client's connection for commands is back (it reconnects in the background).</summary>
    private Task RestoredAsync()
    {
        var restored = new TaskCompletionSource();
        _api.Services.GetRequiredService<IConnectionMultiplexer>().ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Interactive)
                restored.TrySetResult();
        };
        return restored.Task;
    }
}
