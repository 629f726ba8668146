using Microsoft.Extensions.Options;
using Platform.Api;
using Platform.Api.Demo;
using Platform.Api.Deployment;
using Platform.Api.GraphQL;
using Platform.Api.Security;
using Platform.Api.Security.StaffSignIn;

if (SchemaExport.TryRun(args))
    return 0;
var admin = AdminConsole.Default;
if ((await MigrateCommand.TryRunAsync(args, admin) ?? await SeedDemoCommand.TryRunAsync(args, admin)
        ?? await UserCommands.TryRunAsync(args, admin) ?? await ClientCommands.TryRunAsync(args, admin)
        ?? await LandingKeyCommands.TryRunAsync(args, admin) ?? await KpiRollupsCommand.TryRunAsync(args, admin)) is { } exitCode)
    return exitCode;

var app = PlatformApp.Build(args);
StartupWarmup.Begin(app);
var refusedLater = false;
if (await DatabaseStartup.PrepareAsync(app, DemoStartup.SeedFor(app), refusedLater: _ => refusedLater = true) is not null)
    return 1;
var graphiQL = app.Services.GetRequiredService<IOptions<GraphQLOptions>>().Value.ServesGraphiQL(app.Environment);
app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var address in app.Urls)
        Console.WriteLine(graphiQL ? $"GraphiQL: {address}/graphql" : $"GraphQL endpoint: {address}/graphql");
});
await app.RunAsync();
// Started during an outage, the node stops itself if the database turns out to be behind the code once it answers.
return refusedLater ? 1 : 0;

/// <summary>The entry point, public so tests can host the API with WebApplicationFactory.</summary>
public partial class Program;
