using Platform.DemoData;

namespace Platform.Api.Demo;

/// <summary>
/// The demo data of a Development start (<c>dotnet run --project src/Platform.Api</c>): the demo leads, team, partners and
/// landing key into an empty database, and the demo OAuth clients that are missing.
/// </summary>
public static class DemoStartup
{
    /// <summary>The configuration key; without it, true in Development.</summary>
    public const string SeedDemoDataKey = "Database:SeedDemoData";

    /// <summary>
    /// What the start-up of <paramref name="app"/> seeds once its database is ready, or null. Outside Development
    /// <c>Database:SeedDemoData</c> is ignored, with a warning: the demo clients' secrets and the demo landing key are
    /// public, so a configuration slip must not open a real database to them (<c>seed-demo --force</c> does it on purpose).
    /// </summary>
    public static Func<IServiceProvider, CancellationToken, Task>? SeedFor(WebApplication app)
    {
        if (!(app.Configuration.GetValue<bool?>(SeedDemoDataKey) ?? app.Environment.IsDevelopment()))
            return null;
        if (!app.Environment.IsDevelopment())
        {
            app.Logger.LogWarning("{Key} is ignored in the {Environment} environment: demo data is for Development only. "
                + "To seed it anyway, run `seed-demo --force`.", SeedDemoDataKey, app.Environment.EnvironmentName);
            return null;
        }
        return async (services, ct) =>
        {
            await DemoDataset.SeedIfEmptyAsync(services, ct: ct);
            await DemoClientRegistration.AddMissingAsync(services, ct);
        };
    }
}
