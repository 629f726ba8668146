using Platform.Api;
using Platform.Api.Availability;
using Platform.Api.GraphQL;
using Platform.Api.Security;
using Platform.Api.Security.StaffSignIn;
using Platform.Data;

if (SchemaExport.TryRun(args))
    return 0;
if (await ClientCommands.TryRunAsync(args) is { } exitCode)
    return exitCode;
if (await UserCommands.TryRunAsync(args) is { } usersExitCode)
    return usersExitCode;
if (await LandingKeyCommands.TryRunAsync(args) is { } landingKeysExitCode)
    return landingKeysExitCode;

var app = PlatformApp.Build(args);
var seedDemoData = app.Configuration.GetValue("Database:SeedDemoData", true);
async Task PrepareDatabaseAsync()
{
    await app.Services.MigrateAndSeedAsync(seedDemoData);
    // Their secrets are public (demo-only), so never outside Development.
    if (seedDemoData && app.Environment.IsDevelopment())
        await DemoClients.SeedAsync(app.Services);
}
var availability = app.Services.GetRequiredService<DatabaseAvailability>();
try
{
    await PrepareDatabaseAsync();
}
catch (Exception e) when (availability.ReportFailure(e))
{
    // Started during an outage (e.g. restarted): serve what can be served — forms go to the spool — and bring the
    // database up to date once it answers.
    app.Logger.LogWarning("The database is unreachable at start; the API starts without it and prepares it once it answers.");
    _ = Task.Run(async () =>
    {
        await availability.WhenAvailableAsync();
        try
        {
            await PrepareDatabaseAsync();
        }
        catch (Exception failure)
        {
            app.Logger.LogError(failure, "Bringing the database up to date failed; restart the API once it answers.");
        }
    });
}
app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var address in app.Urls)
        Console.WriteLine($"GraphiQL: {address}/graphql");
});
await app.RunAsync();
return 0;

/// <summary>The entry point, public so tests can host the API with WebApplicationFactory.</summary>
public partial class Program;
