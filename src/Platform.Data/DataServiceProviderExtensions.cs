using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Data;

/// <summary>Brings the database up to date, or tells how far behind the code it is.</summary>
public static class DataServiceProviderExtensions
{
    /// <summary>
    /// Applies the pending migrations of the configured engine one by one, oldest first (creating the SQLite file and its
    /// directory on first run), calling <paramref name="applying"/> before each. The migrations also create the reference
    /// data (the default pipeline and its stages), and nothing else. Safe to call on every start: an up-to-date database
    /// is left as it is.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, Action<string>? applying = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        if (db.Database.IsSqlite() && db.Database.GetConnectionString() is { } connectionString)
        {
            DatabaseOptions.EnsureSqliteDirectory(connectionString);
        }

        var migrator = db.GetService<IMigrator>();
        foreach (var migration in await db.Database.GetPendingMigrationsAsync(ct).ConfigureAwait(false))
        {
            applying?.Invoke(migration);
            await migrator.MigrateAsync(migration, ct).ConfigureAwait(false);
        }

        if (db.Database.IsSqlite())
        {
            // Readers do not block the writer (and vice versa); persistent in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct).ConfigureAwait(false);
        }
    }

    /// <summary>The migrations of the code that the database lacks, oldest first (all of them for a database not created yet).</summary>
    public static async Task<IReadOnlyList<string>> PendingMigrationsAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return (await db.Database.GetPendingMigrationsAsync(ct).ConfigureAwait(false)).ToList();
    }
}
