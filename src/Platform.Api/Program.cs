using Platform.Api;
using Platform.Api.GraphQL;
using Platform.Data;

if (SchemaExport.TryRun(args))
    return;

var app = PlatformApp.Build(args);
await app.Services.MigrateAndSeedAsync(app.Configuration.GetValue("Database:SeedDemoData", true));
app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var address in app.Urls)
        Console.WriteLine($"GraphiQL: {address}/graphql");
});
await app.RunAsync();

/// <summary>The entry point, public so tests can host the API with WebApplicationFactory.</summary>
public partial class Program;
