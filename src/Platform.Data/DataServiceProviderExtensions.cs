using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Data;

/// <summary>Brings the database up to date at start-up.</summary>
public static class DataServiceProviderExtensions
{
    /// <summary>
    /// Applies pending migrations of the configured engine (creating the SQLite file and its
    /// directory on first run) and, when <paramref name="seedDemoData"/> is set and the database
    /// holds no leads and no staff yet, seeds <see cref="DemoData.DefaultLeadCount"/> demo leads
    /// with everything around them. Safe to call on every start: it never duplicates data.
    /// </summary>
    public static async Task MigrateAndSeedAsync(this IServiceProvider services, bool seedDemoData, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        if (db.Database.IsSqlite() && db.Database.GetConnectionString() is { } connectionString)
        {
            DatabaseOptions.EnsureSqliteDirectory(connectionString);
        }

        await db.Database.MigrateAsync(ct).ConfigureAwait(false);

        if (db.Database.IsSqlite())
        {
            // Readers do not block the writer (and vice versa); persistent in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct).ConfigureAwait(false);
        }

        if (seedDemoData
            && !await db.Leads.AnyAsync(ct).ConfigureAwait(false)
            && !await db.StaffUsers.AnyAsync(ct).ConfigureAwait(false))
        {
            var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            await DemoData.SeedAsync(db, DemoData.DefaultLeadCount, now, ct).ConfigureAwait(false);
        }
    }
}
