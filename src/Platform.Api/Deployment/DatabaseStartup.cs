using Platform.Api.Availability;
using Platform.Data;

namespace Platform.Api.Deployment;

/// <summary>
/// What the API and its admin commands do with the database before they use it. With <c>Database:MigrateAtStart</c>
/// (the default in Development only) they apply the pending migrations themselves. Otherwise they refuse a database the
/// code's migrations are ahead of, rather than work on a half-old schema: the operator runs <c>migrate</c> once per
/// deployment, on purpose, instead of every starting node changing the schema under the nodes still running.
/// </summary>
public static class DatabaseStartup
{
    /// <summary>The configuration key; without it, true in Development and false elsewhere.</summary>
    public const string MigrateAtStartKey = "Database:MigrateAtStart";

    /// <summary>Whether the API and its admin commands apply pending migrations themselves.</summary>
    public static bool MigratesAtStart(WebApplication app) =>
        app.Configuration.GetValue<bool?>(MigrateAtStartKey) ?? app.Environment.IsDevelopment();

    /// <summary>
    /// Prepares the database before the API serves, then runs <paramref name="seed"/> (the demo data of a Development
    /// start) on it. Returns null when the API may serve, else why not (also logged as critical). A node started while
    /// the database is unreachable starts anyway — forms go to the spool — and does the same once the database answers;
    /// if the schema is then found behind, it calls <paramref name="refusedLater"/> with the reason and stops the API.
    /// </summary>
    public static async Task<string?> PrepareAsync(WebApplication app, Func<IServiceProvider, CancellationToken, Task>? seed = null,
        Action<string>? refusedLater = null)
    {
        var migrate = MigratesAtStart(app);
        var availability = app.Services.GetRequiredService<DatabaseAvailability>();
        try
        {
            return await PrepareOnceAsync(app, migrate, seed);
        }
        catch (Exception e) when (availability.ReportFailure(e))
        {
            app.Logger.LogWarning("The database is unreachable at start; the API starts without it and {Then} once it answers.",
                migrate ? "brings it up to date" : "checks its schema");
            _ = Task.Run(async () =>
            {
                try
                {
                    await availability.WhenAvailableAsync(app.Lifetime.ApplicationStopping);
                    if (await PrepareOnceAsync(app, migrate, seed) is { } refusal)
                    {
                        app.Lifetime.StopApplication(); // first, so whoever hears of the refusal sees the API stopping
                        refusedLater?.Invoke(refusal);
                    }
                }
                catch (OperationCanceledException) when (app.Lifetime.ApplicationStopping.IsCancellationRequested)
                {
                    // Stopped before the database answered.
                }
                catch (Exception failure)
                {
                    app.Logger.LogError(failure, "Preparing the database failed; restart the API once it answers.");
                }
            });
            return null;
        }
    }

    /// <summary>
    /// Prepares the database for an admin command: migrates it when <c>Database:MigrateAtStart</c> is on (writing each
    /// migration to <paramref name="output"/>), else returns why the command must not run when the schema is behind.
    /// </summary>
    public static async Task<string?> PrepareForCommandAsync(WebApplication app, TextWriter output)
    {
        if (!MigratesAtStart(app))
            return await BehindAsync(app.Services);
        await app.Services.MigrateDatabaseAsync(migration => output.WriteLine($"Applying {migration}…"));
        return null;
    }

    /// <summary>Why the database cannot be used by this version (migrations it lacks, named), or null when it is up to date.</summary>
    public static async Task<string?> BehindAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var pending = await services.PendingMigrationsAsync(ct);
        return pending.Count == 0
            ? null
            : $"The database lacks {pending.Count} migration(s) of this version: {string.Join(", ", pending)}. "
              + "Run the `migrate` command first (`dotnet Platform.Api.dll migrate`, or `dotnet run --project src/Platform.Api -- migrate`).";
    }

    private static async Task<string?> PrepareOnceAsync(WebApplication app, bool migrate, Func<IServiceProvider, CancellationToken, Task>? seed)
    {
        if (migrate)
        {
            await app.Services.MigrateDatabaseAsync(ct: app.Lifetime.ApplicationStopping);
        }
        else if (await BehindAsync(app.Services, app.Lifetime.ApplicationStopping) is { } behind)
        {
            app.Logger.LogCritical("{Refusal} The API does not serve a database older than its code.", behind);
            return behind;
        }

        if (seed is not null)
            await seed(app.Services, app.Lifetime.ApplicationStopping);
        return null;
    }
}
