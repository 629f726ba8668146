using Platform.Api;
using Platform.Api.Demo;
using Platform.Api.Deployment;
using Platform.Api.GraphQL;
using Platform.Api.Security;
using Platform.Api.Security.StaffSignIn;

if (SchemaExport.TryRun(args))
    return 0;
if (await MigrateCommand.TryRunAsync(args, AdminConsole.Default) is { } migrateExitCode)
    return migrateExitCode;
if (await SeedDemoCommand.TryRunAsync(args, AdminConsole.Default) is { } seedDemoExitCode)
    return seedDemoExitCode;
if (await ClientCommands.TryRunAsync(args) is { } exitCode)
    return exitCode;
if (await UserCommands.TryRunAsync(args) is { } usersExitCode)
    return usersExitCode;
if (await LandingKeyCommands.TryRunAsync(args) is { } landingKeysExitCode)
    return landingKeysExitCode;

var app = PlatformApp.Build(args);
if (await DatabaseStartup.PrepareAsync(app, DemoStartup.SeedFor(app)) is not null)
    return 1;
app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var address in app.Urls)
        Console.WriteLine($"GraphiQL: {address}/graphql");
});
await app.RunAsync();
// Non-zero when the node stopped itself (its database turned out to be behind the code once it answered).
return Environment.ExitCode;

/// <summary>The entry point, public so tests can host the API with WebApplicationFactory.</summary>
public partial class Program;
