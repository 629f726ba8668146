using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Platform.Data;

namespace Platform.Api.Deployment;

/// <summary>
/// <c>dotnet run --project src/Platform.Api -- migrate</c>: applies the pending migrations to the configured database,
/// creating it and its reference data (the default pipeline) if needed, and tells what it did. The step that comes before
/// starting a new version of the API outside Development, where the API does not migrate at start.
/// </summary>
public static class MigrateCommand
{
    /// <summary>Runs <c>migrate</c> and returns its exit code; null when <paramref name="args"/> is another command.</summary>
    public static async Task<int?> TryRunAsync(string[] args, AdminConsole console)
    {
        if (args is not ["migrate", ..])
            return null;
        if (args.Length > 1)
            return console.Fail("usage: migrate");

        await using var app = console.Build();
        var output = console.Output;
        output.WriteLine($"Database: {DatabaseDescription.Of(app.Services)}");
        try
        {
            var pending = await app.Services.PendingMigrationsAsync();
            output.WriteLine(pending.Count == 0 ? "No pending migrations: the schema is up to date." : $"{pending.Count} pending migration(s).");
            await app.Services.MigrateDatabaseAsync(migration => output.WriteLine($"Applying {migration}…"));

            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var stages = await db.PipelineStages.CountAsync(s => s.PipelineId == DefaultPipeline.PipelineId);
            output.WriteLine($"Schema at {db.Database.GetMigrations().Last()}; reference data: the default pipeline with {stages} stages.");
            return 0;
        }
        catch (DbException e)
        {
            return console.Fail($"Migrating failed: {e.Message}");
        }
    }
}
