using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.TestHost;
using Platform.Api.Demo;
using Platform.Api.Deployment;

namespace Platform.Api.Tests.Deployment;

/// <summary>
/// The first steps of a production deployment, in order: <c>migrate</c>, <c>users add --role admin</c>, <c>clients add</c>,
/// <c>landing-keys add</c>, then the API serves what they created (and none of the demo).
/// </summary>
public abstract partial class FirstDeploymentTests(string provider) : IAsyncLifetime
{
    private readonly EmptyDatabase _db = new(provider);

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task AdminCommandsBeforeMigrate_AreRefused_AndWriteNothing()
    {
        var migrations = await _db.PendingMigrationsAsync();

        Assert.Equal(2, await _db.RunAsync("Production", "users", "add", "--email", "admin@example.com", "--name", "Admin", "--role", "admin"));

        Assert.Contains("Run the `migrate` command first", _db.Error.ToString());
        Assert.Equal(migrations, await _db.PendingMigrationsAsync());
    }

    [Fact]
    public async Task MigrateUsersClientsLandingKeys_ThenTheApiServesThem()
    {
        Assert.Equal(0, await _db.RunAsync("Production", "migrate"));
        Assert.Equal(0, await _db.RunAsync("Production", "users", "add", "--email", "admin@example.com", "--name", "Admin", "--role", "admin"));
        Assert.Equal(0, await _db.RunAsync("Production", "clients", "add", "--kind", "integration", "--id", "crm-sync"));
        var secret = ClientSecret().Match(_db.Output.ToString()).Groups[1].Value;
        Assert.Equal(0, await _db.RunAsync("Production", "landing-keys", "add", "--name", "Website", "--landing-page", "website", "--origins", "https://www.example.com"));
        var landingKey = LandingKey().Match(_db.Output.ToString()).Groups[1].Value;
        Assert.Empty(_db.Error.ToString());

        await using var app = _db.Api("Production");
        Assert.Null(await DatabaseStartup.PrepareAsync(app, DemoStartup.SeedFor(app)));
        await app.StartAsync();
        var http = app.GetTestClient();

        var (status, body) = await EmptyDatabase.SubmitFormAsync(app, landingKey);
        Assert.True(status == HttpStatusCode.OK && body.Contains("\"status\":\"ACCEPTED\"", StringComparison.Ordinal), body);
        using var token = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "crm-sync",
            ["client_secret"] = secret,
        }));
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await EmptyDatabase.SubmitFormAsync(app)).Status);
        Assert.Equal(Rows.ReferenceDataOnly with { Leads = 1, Staff = 1, LandingKeys = 1, OAuthClients = 1 }, await _db.RowsAsync());
    }

    [GeneratedRegex(@"client_secret: (\S+)")]
    private static partial Regex ClientSecret();

    [GeneratedRegex(@"landing key: (lk_\S+)")]
    private static partial Regex LandingKey();
}

public sealed class SqliteFirstDeploymentTests() : FirstDeploymentTests("Sqlite");

public sealed class PostgresFirstDeploymentTests() : FirstDeploymentTests("Postgres");
