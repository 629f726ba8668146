using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data;
using Platform.DemoData;
using Platform.Domain.Staff;

namespace Platform.Api.Tests.Deployment;

/// <summary><c>seed-demo</c>: the demo data on purpose, into an empty database only, never by accident outside Development.</summary>
public abstract class SeedDemoCommandTests(string provider) : IAsyncLifetime
{
    /// <summary>The demo: 200 leads, 8 staff, 3 partners, 6 referral codes, the landing key and 7 OAuth clients.</summary>
    private static readonly Rows Demo = new(DemoDataset.DefaultLeadCount, 8, 3, 6, 1, 7, 8);

    private readonly EmptyDatabase _db = new(provider);

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task SeedDemo_OutsideDevelopmentWithoutForce_ExitsNonZero_AndWritesNothing(string environment)
    {
        Assert.Equal(0, await _db.RunAsync("Production", "migrate"));

        Assert.Equal(2, await _db.RunAsync(environment, "seed-demo"));

        Assert.Contains($"seed-demo refuses to run in the {environment} environment", _db.Error.ToString());
        Assert.Contains("add --force", _db.Error.ToString());
        Assert.Equal(Rows.ReferenceDataOnly, await _db.RowsAsync());
    }

    [Fact]
    public async Task SeedDemo_WithForceOutsideDevelopment_SeedsTheDemo_AndSaysWhatItCreated()
    {
        Assert.Equal(0, await _db.RunAsync("Production", "migrate"));

        Assert.Equal(0, await _db.RunAsync("Production", "seed-demo", "--force"));

        var output = _db.Output.ToString();
        Assert.Contains("Seeding 200 demo leads", output);
        Assert.Contains("Registering the demo OAuth clients…", output);
        Assert.Contains("200 leads", output);
        Assert.Contains("8 staff, 3 partners, 6 referral codes", output);
        Assert.Contains($"landing key {DemoDataset.DemoLandingKey} (origins http://localhost:8080,null)", output);
        Assert.Contains($"OAuth clients {DemoClients.Landing}, {DemoClients.Bi}, {DemoClients.Integration}, partner-bright-ads", output);
        Assert.Equal(Demo, await _db.RowsAsync());
    }

    [Fact]
    public async Task SeedDemo_Twice_ChangesNothing_AndSaysSo()
    {
        Assert.Equal(0, await _db.RunAsync("Production", "migrate"));
        Assert.Equal(0, await _db.RunAsync("Production", "seed-demo", "--force"));

        Assert.Equal(0, await _db.RunAsync("Production", "seed-demo", "--force"));

        Assert.Contains("The database already holds leads, staff, partners or landing keys", _db.Output.ToString());
        Assert.Single(Regex.Matches(_db.Output.ToString(), "Seeding 200 demo leads"));
        Assert.Equal(Demo, await _db.RowsAsync());
    }

    [Fact]
    public async Task SeedDemo_OnADatabaseWithItsOwnStaff_WritesNothing()
    {
        Assert.Equal(0, await _db.RunAsync("Production", "migrate"));
        await using (var app = _db.Api("Production"))
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            db.StaffUsers.Add(new StaffUser { Name = "Anna Ivanova", Email = "anna@example.com", SalesRole = SalesRole.Head });
            await db.SaveChangesAsync();
        }

        Assert.Equal(0, await _db.RunAsync("Production", "seed-demo", "--force"));

        Assert.Contains("Nothing was written.", _db.Output.ToString());
        Assert.Equal(Rows.ReferenceDataOnly with { Staff = 1 }, await _db.RowsAsync());
    }

    [Fact]
    public async Task SeedDemo_WithForceOnADatabaseNotMigrated_AsksForMigrate_AndWritesNothing()
    {
        var migrations = await _db.PendingMigrationsAsync();

        Assert.Equal(2, await _db.RunAsync("Production", "seed-demo", "--force"));

        Assert.Contains("Run the `migrate` command first", _db.Error.ToString());
        Assert.Equal(migrations, await _db.PendingMigrationsAsync());
    }

    [Fact]
    public async Task SeedDemo_InDevelopment_MigratesAndSeeds_WithoutForce()
    {
        Assert.Equal(0, await _db.RunAsync("Development", "seed-demo"));

        Assert.Empty(await _db.PendingMigrationsAsync());
        Assert.Equal(Demo, await _db.RowsAsync());
    }

    [Fact]
    public async Task SeedDemo_WithAnUnknownOption_PrintsItsUsage()
    {
        Assert.Equal(2, await _db.RunAsync("Development", "seed-demo", "--leads", "10"));

        Assert.Equal("usage: seed-demo [--force]", _db.Error.ToString().Trim());
    }
}

public sealed class SqliteSeedDemoCommandTests() : SeedDemoCommandTests("Sqlite");

public sealed class PostgresSeedDemoCommandTests() : SeedDemoCommandTests("Postgres");
