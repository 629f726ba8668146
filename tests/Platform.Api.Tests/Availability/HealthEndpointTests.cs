using System.Net;
using System.Text.Json.Nodes;

namespace Platform.Api.Tests.Availability;

/// <summary><c>/health/live</c> and <c>/health/ready</c>: no token needed; a lost database degrades readiness but never fails it.</summary>
public sealed class HealthEndpointTests(OutageApi api) : IClassFixture<OutageApi>
{
    [Fact]
    public async Task Live_IsHealthyWithoutAToken()
    {
        var (status, body) = await GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", (string?)body["status"]);
    }

    [Fact]
    public async Task Ready_IsHealthyWithTheDatabase_DegradedButStill200WithoutIt()
    {
        var (status, body) = await GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", (string?)body["status"]);
        Assert.Equal("Healthy", (string?)body["checks"]!["database"]!["status"]);

        await api.Server.StopAsync();
        try
        {
            // Forms still go to the spool, so a load balancer must keep the node: degraded, 200.
            var (downStatus, down) = await GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, downStatus);
            Assert.Equal("Degraded", (string?)down["status"]);
            Assert.Contains("spool", (string?)down["checks"]!["database"]!["description"]);
            Assert.False(api.Availability.IsAvailable);
            Assert.Equal("Healthy", (string?)(await GetAsync("/health/live")).Body["status"]);
        }
        finally
        {
            await api.RestoreDatabaseAsync();
        }

        Assert.Equal("Healthy", (string?)(await GetAsync("/health/ready")).Body["status"]);
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> GetAsync(string path)
    {
        using var response = await api.Anonymous.GetAsync(path);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }
}
