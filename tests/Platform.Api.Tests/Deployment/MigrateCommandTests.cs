using Platform.Data;

namespace Platform.Api.Tests.Deployment;

/// <summary><c>migrate</c> brings any database up to the code's migrations, with the reference data, and says what it did.</summary>
public abstract class MigrateCommandTests(string provider) : IAsyncLifetime
{
    protected EmptyDatabase Db { get; } = new(provider);

    public Task InitializeAsync() => Db.InitializeAsync();

    public Task DisposeAsync() => Db.DisposeAsync();

    [Fact]
    public async Task Migrate_EmptyDatabase_AppliesEveryMigration_AndCreatesTheReferenceDataOnly()
    {
        var migrations = await Db.PendingMigrationsAsync();

        Assert.Equal(0, await Db.RunAsync("Production", "migrate"));

        var output = Db.Output.ToString();
        Assert.Contains($"Database: {Db.Provider}", output);
        Assert.Contains($"{migrations.Count} pending migration(s).", output);
        Assert.All(migrations, m => Assert.Contains($"Applying {m}…", output));
        Assert.Contains($"Schema at {migrations[^1]}; reference data: the default pipeline with 8 stages.", output);
        Assert.Empty(await Db.PendingMigrationsAsync());
        Assert.Equal(Rows.ReferenceDataOnly, await Db.RowsAsync());
        Assert.Empty(Db.Error.ToString());
    }

    [Fact]
    public async Task Migrate_UpToDateDatabase_ChangesNothing()
    {
        Assert.Equal(0, await Db.RunAsync("Production", "migrate"));
        Db.Output.GetStringBuilder().Clear();

        Assert.Equal(0, await Db.RunAsync("Production", "migrate"));

        Assert.Contains("No pending migrations: the schema is up to date.", Db.Output.ToString());
        Assert.DoesNotContain("Applying", Db.Output.ToString());
        Assert.Equal(Rows.ReferenceDataOnly, await Db.RowsAsync());
    }

    [Fact]
    public async Task Migrate_WithArguments_PrintsItsUsage_AndTouchesNothing()
    {
        var migrations = await Db.PendingMigrationsAsync();

        Assert.Equal(2, await Db.RunAsync("Production", "migrate", "--now"));

        Assert.Equal("usage: migrate", Db.Error.ToString().Trim());
        Assert.Equal(migrations, await Db.PendingMigrationsAsync());
    }
}

public sealed class SqliteMigrateCommandTests() : MigrateCommandTests("Sqlite");

public sealed class PostgresMigrateCommandTests() : MigrateCommandTests("Postgres")
{
    [Fact]
    public async Task Migrate_NamesTheDatabase_NeverItsPassword()
    {
        var console = Db.Console("Production", ("Database:ConnectionString", Db.ConnectionString + ";Password=never-print-this"));

        Assert.Equal(0, await Api.Deployment.MigrateCommand.TryRunAsync(["migrate"], console));

        var database = new Npgsql.NpgsqlConnectionStringBuilder(Db.ConnectionString);
        Assert.Contains($"Database: Postgres database `{database.Database}` on {database.Host}:{database.Port} as {database.Username}", Db.Output.ToString());
        Assert.DoesNotContain("never-print-this", Db.Output.ToString() + Db.Error);
    }
}
