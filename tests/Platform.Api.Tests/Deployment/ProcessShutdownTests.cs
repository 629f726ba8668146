using Platform.Api.Deployment;
using Platform.DemoData;
using Platform.Testing;

namespace Platform.Api.Tests.Deployment;

/// <summary>
/// The built API run as its own process and sent SIGTERM with a subscriber connected: the subscriber gets 1001 and the
/// process exits with 0 once drained, long before a shutdown timeout that an open socket would otherwise use up.
/// </summary>
public sealed class ProcessShutdownTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"platform-shutdown-{Guid.NewGuid():N}");
    // Development's appsettings name a port of their own (Urls): this one overrides it.
    private readonly Uri _address = new($"http://127.0.0.1:{ApiProcess.FreePort()}");
    private ApiProcess _api = null!;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _api = new ApiProcess(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Urls"] = _address.ToString(),
            ["Database__Provider"] = "Sqlite",
            ["Database__ConnectionString"] = $"Data Source={Path.Combine(_folder, "platform.db")}",
            ["OAuth__DevelopmentKeysDirectory"] = Path.Combine(_folder, "keys"),
            ["Leads__Spool__Path"] = Path.Combine(_folder, "lead-spool.db"),
            [GracefulShutdown.Setting.Replace(":", "__")] = "00:10:00",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Sigterm_ClosesSubscriptionsWithGoingAway_AndExitsWithZero()
    {
        await _api.StartAsync(_address);
        await using var socket = await GraphQLWsTestClient.ConnectAndInitAsync(new Uri($"ws://{_address.Authority}/graphql"), await TokenAsync(_address));
        await socket.SubscribeAsync("1", """subscription { leadEvents { id } }""");

        var exit = _api.TerminateAsync();
        var (_, code, _) = await socket.ReceiveUntilCloseAsync();
        await socket.CloseAsync();

        Assert.Equal(1001, code);
        Assert.True(await exit == 0, _api.ServerOutput);
    }

    private static async Task<string> TokenAsync(Uri address)
    {
        using var http = new HttpClient { BaseAddress = address };
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = DemoClients.Integration,
            ["client_secret"] = DemoClients.SecretOf(DemoClients.Integration),
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return (string)System.Text.Json.Nodes.JsonNode.Parse(body)!["access_token"]!;
    }
}
