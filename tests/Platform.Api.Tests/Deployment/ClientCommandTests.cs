namespace Platform.Api.Tests.Deployment;

/// <summary><c>clients add</c> for a staff tool (public client, PKCE) and for an id already taken.</summary>
public sealed class ClientCommandTests : IAsyncLifetime
{
    private readonly EmptyDatabase _db = new("Sqlite");

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        Assert.Equal(0, await _db.RunAsync("Production", "migrate"));
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task StaffTool_WithAnHttpsRedirectUri_IsRegisteredWithoutSecret()
    {
        Assert.Equal(0, await _db.RunAsync("Production", "clients", "add", "--kind", "staff-tool", "--id", "crm-web",
            "--redirect-uri", "https://crm.example.com/oauth/callback"));

        var output = _db.Output.ToString();
        Assert.Contains("client_id:          crm-web (public: no secret, PKCE with S256)", output);
        Assert.Contains("post_logout_uri:    https://crm.example.com/", output);
        Assert.DoesNotContain("client_secret", output);
        Assert.Equal(1, (await _db.RowsAsync()).OAuthClients);
    }

    [Theory]
    [InlineData("http://crm.example.com/callback")] // plain HTTP off the operator's machine
    [InlineData("/oauth/callback")]
    [InlineData("https://crm.example.com/callback#fragment")]
    [InlineData("")]
    public async Task StaffTool_WithoutAUsableRedirectUri_IsRefusedAndNothingIsStored(string redirectUri)
    {
        Assert.Equal(2, await _db.RunAsync("Production", "clients", "add", "--kind", "staff-tool", "--id", "crm-web", "--redirect-uri", redirectUri));

        Assert.Contains("--redirect-uri", _db.Error.ToString());
        Assert.Equal(0, (await _db.RowsAsync()).OAuthClients);
    }

    [Fact]
    public async Task StaffTool_OnLocalhostOverHttp_IsAllowed()
    {
        Assert.Equal(0, await _db.RunAsync("Production", "clients", "add", "--kind", "staff-tool", "--id", "cli",
            "--redirect-uri", "http://127.0.0.1:8400/callback", "--post-logout-uri", "http://127.0.0.1:8400/"));
    }

    [Fact]
    public async Task AnIdTakenAlready_IsRefused_AndTheFirstClientStays()
    {
        Assert.Equal(0, await _db.RunAsync("Production", "clients", "add", "--kind", "integration", "--id", "crm-sync"));

        Assert.Equal(2, await _db.RunAsync("Production", "clients", "add", "--kind", "bi", "--id", "crm-sync"));
        Assert.Contains("A client `crm-sync` exists already", _db.Error.ToString());
        Assert.Equal(1, (await _db.RowsAsync()).OAuthClients);
    }
}
