using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Demo;
using Platform.Api.Deployment;
using Platform.Data;

namespace Platform.Api.Tests.Deployment;

/// <summary>
/// What the API's start-up (as Program runs it) does to an empty or outdated database: demo data only in Development,
/// migrations at start only where configured, and no serving a schema older than the code.
/// </summary>
public abstract class ApiStartupTests(string provider) : IAsyncLifetime
{
    private readonly EmptyDatabase _db = new(provider);

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Production_EvenWithSeedDemoDataAndMigrateAtStart_CreatesReferenceDataOnly_AndRefusesTheDemoLandingKey()
    {
        await using var app = _db.Api("Production", ("Database:SeedDemoData", "true"), ("Database:MigrateAtStart", "true"));

        Assert.Null(await DatabaseStartup.PrepareAsync(app, DemoStartup.SeedFor(app)));
        await app.StartAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await EmptyDatabase.SubmitFormAsync(app)).Status);
        Assert.Equal(Rows.ReferenceDataOnly, await _db.RowsAsync());
    }

    [Fact]
    public async Task Production_OnAnEmptyDatabase_RefusesToStart_AndAsksForMigrate()
    {
        var migrations = await _db.PendingMigrationsAsync();
        await using var app = _db.Api("Production");

        var refusal = await DatabaseStartup.PrepareAsync(app, DemoStartup.SeedFor(app));

        Assert.Equal($"The database lacks {migrations.Count} migration(s) of this version: {string.Join(", ", migrations)}. "
            + "Run the `migrate` command first (`dotnet Platform.Api.dll migrate`, or `dotnet run --project src/Platform.Api -- migrate`).", refusal);
        Assert.Equal(migrations, await _db.PendingMigrationsAsync());
    }

    [Fact]
    public async Task Readiness_OfADatabaseBehindTheCode_Is503_UntilItIsMigrated()
    {
        await using var app = _db.Api("Production");
        await app.StartAsync();
        var client = app.GetTestClient();
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Database.ExecuteSqlRawAsync("SELECT 1"); // a SQLite file exists once opened

        using (var behind = await client.GetAsync("/health/ready"))
        {
            var body = await behind.Content.ReadAsStringAsync();
            Assert.True(behind.StatusCode == HttpStatusCode.ServiceUnavailable, body);
            Assert.Contains("\"Unhealthy\"", body);
            Assert.DoesNotContain((await _db.PendingMigrationsAsync())[0], body); // no internals
        }
        Assert.Equal(0, await _db.RunAsync("Production", "migrate"));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Production_AfterMigrate_Starts_WithReferenceDataOnly()
    {
        Assert.Equal(0, await _db.RunAsync("Production", "migrate"));
        await using var app = _db.Api("Production");

        Assert.Null(await DatabaseStartup.PrepareAsync(app, DemoStartup.SeedFor(app)));
        await app.StartAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await EmptyDatabase.SubmitFormAsync(app)).Status);
        Assert.Equal(Rows.ReferenceDataOnly, await _db.RowsAsync());
    }

    [Fact]
    public async Task Development_OnAnEmptyDatabase_MigratesAndSeedsTheDemo_OnceOnly()
    {
        await using (var first = _db.Api("Development"))
        {
            Assert.Null(await DatabaseStartup.PrepareAsync(first, DemoStartup.SeedFor(first)));
            await first.StartAsync();
            var (status, body) = await EmptyDatabase.SubmitFormAsync(first);
            Assert.True(status == HttpStatusCode.OK && body.Contains("\"status\":\"ACCEPTED\"", StringComparison.Ordinal), body);
        }
        var seeded = await _db.RowsAsync();
        await using var second = _db.Api("Development");

        Assert.Null(await DatabaseStartup.PrepareAsync(second, DemoStartup.SeedFor(second)));

        // 200 demo leads and the one just submitted; 3 machine clients, 3 partner clients and the staff tools client.
        Assert.Equal(new Rows(201, 8, 3, 6, 1, 7, 8), seeded);
        Assert.Equal(seeded, await _db.RowsAsync());
    }
}

public sealed class SqliteApiStartupTests() : ApiStartupTests("Sqlite");

public sealed class PostgresApiStartupTests() : ApiStartupTests("Postgres");
