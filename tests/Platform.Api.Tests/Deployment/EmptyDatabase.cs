using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using Platform.Api.Demo;
using Platform.Api.Deployment;
using Platform.Api.Security;
using Platform.Api.Security.StaffSignIn;
using Platform.Api.Tests.Leads;
using Platform.Data;
using Platform.DemoData;
using Platform.Testing;

namespace Platform.Api.Tests.Deployment;

/// <summary>
/// A database nobody has touched (a temp SQLite file or a new PostgreSQL database), with what a deployment test needs to
/// run the admin commands and start the API on it in any environment, in-process, with the appsettings files of the API.
/// Given a <paramref name="connectionString"/>, the database is that one instead (e.g. on a server a test stops).
/// </summary>
public sealed class EmptyDatabase(string provider, string? connectionString = null) : IAsyncLifetime
{
    /// <summary>A landing page's submission: the receipt's status, or the errors.</summary>
    private const string SubmitReceipt = """
        mutation($input: SubmitLeadInput!) { submitLead(input: $input) { receipt { status } errors { ... on Error { code } } } }
        """;

    private readonly string _keysDirectory = Path.Combine(Path.GetTempPath(), $"platform-test-keys-{Guid.NewGuid():N}");
    private readonly string _spoolPath = Path.Combine(Path.GetTempPath(), $"platform-test-spool-{Guid.NewGuid():N}.db");
    private string? _sqliteFile;

    public string Provider { get; } = provider;

    public string ConnectionString { get; private set; } = connectionString ?? "";

    /// <summary>What the commands printed to their standard output and error.</summary>
    public StringWriter Output { get; } = new();

    public StringWriter Error { get; } = new();

    public async Task InitializeAsync()
    {
        if (connectionString is not null)
            return;
        if (Provider == "Postgres")
        {
            ConnectionString = await PostgresServer.CreateDatabaseAsync("deployment");
            return;
        }
        _sqliteFile = Path.Combine(Path.GetTempPath(), $"platform-test-{Guid.NewGuid():N}.db");
        ConnectionString = $"Data Source={_sqliteFile}";
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(_keysDirectory))
            Directory.Delete(_keysDirectory, recursive: true);
        foreach (var file in new[] { _sqliteFile, _spoolPath }.OfType<string>())
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                File.Delete(file + suffix);
        }
        return Task.CompletedTask;
    }

    /// <summary>An admin console on this database in <paramref name="environment"/>, with extra <paramref name="settings"/>.</summary>
    public AdminConsole Console(string environment, params (string Key, string Value)[] settings) =>
        new(["--environment", environment], Output, Error, builder => Configure(builder, settings));

    /// <summary>The API of <paramref name="environment"/> on this database over the test server, not started yet.</summary>
    public WebApplication Api(string environment, params (string Key, string Value)[] settings) =>
        PlatformApp.Build(["--environment", environment], builder =>
        {
            builder.WebHost.UseTestServer();
            Configure(builder, settings);
        });

    /// <summary>Runs the admin command <paramref name="args"/> like <c>dotnet run --project src/Platform.Api -- args</c> would, in <paramref name="environment"/>.</summary>
    public async Task<int> RunAsync(string environment, params string[] args) =>
        await MigrateCommand.TryRunAsync(args, Console(environment))
        ?? await SeedDemoCommand.TryRunAsync(args, Console(environment))
        ?? await UserCommands.TryRunAsync(args, Console(environment))
        ?? await ClientCommands.TryRunAsync(args, Console(environment))
        ?? await LandingKeyCommands.TryRunAsync(args, Console(environment))
        ?? await KpiRollupsCommand.TryRunAsync(args, Console(environment))
        ?? throw new ArgumentException($"Not an admin command: {string.Join(' ', args)}");

    /// <summary>The rows of everything demo data creates (leads, staff, partners, referral codes, landing keys, OAuth clients).</summary>
    public async Task<Rows> RowsAsync()
    {
        await using var app = Api("Production");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        return new Rows(await db.Leads.CountAsync(), await db.StaffUsers.CountAsync(), await db.Partners.CountAsync(),
            await db.ReferralCodes.CountAsync(), await db.LandingKeys.CountAsync(), await applications.CountAsync(),
            await db.PipelineStages.CountAsync());
    }

    /// <summary>The migrations of the code this database lacks.</summary>
    public async Task<IReadOnlyList<string>> PendingMigrationsAsync()
    {
        await using var app = Api("Production");
        return await app.Services.PendingMigrationsAsync();
    }

    /// <summary>
    /// Posts a form to <paramref name="app"/> with <paramref name="landingKey"/> (by default the demo one, as
    /// examples/landing-page does) and a form token its signer issued a minimum fill time ago: the status code and body.
    /// </summary>
    public static async Task<(HttpStatusCode Status, string Body)> SubmitFormAsync(WebApplication app, string landingKey = DemoDataset.DemoLandingKey)
    {
        var input = LeadApi.Form(("formToken", LeadApi.FormToken(app.Services, landingKey)));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query = SubmitReceipt, variables = new { input } }),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        request.Headers.Add("X-Landing-Key", landingKey);
        using var response = await app.GetTestClient().SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private void Configure(WebApplicationBuilder builder, (string Key, string Value)[] settings)
    {
        builder.Configuration["Database:Provider"] = Provider;
        builder.Configuration["Database:ConnectionString"] = ConnectionString;
        builder.Configuration["OAuth:RequireHttps"] = "false";
        builder.Configuration["OAuth:DevelopmentKeysDirectory"] = _keysDirectory;
        builder.Configuration["Leads:Spool:Path"] = _spoolPath;
        foreach (var (key, value) in settings)
            builder.Configuration[key] = value;
    }
}

/// <summary>Row counts of a database: what demo data would add, and the default pipeline's stages (reference data).</summary>
public sealed record Rows(int Leads, int Staff, int Partners, int ReferralCodes, int LandingKeys, long OAuthClients, int PipelineStages)
{
    /// <summary>A migrated database without demo data: the reference data only.</summary>
    public static readonly Rows ReferenceDataOnly = new(0, 0, 0, 0, 0, 0, 8);
}
