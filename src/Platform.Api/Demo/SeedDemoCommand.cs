using Microsoft.EntityFrameworkCore;
using Platform.Api.Deployment;
using Platform.Data;
using Platform.DemoData;

namespace Platform.Api.Demo;

/// <summary>
/// <c>dotnet run --project src/Platform.Api -- seed-demo [--force]</c>: seeds the demo data and the demo OAuth clients into
/// an empty database, and tells what it created. Outside Development it refuses unless given <c>--force</c>: the demo
/// clients' secrets and the demo landing key are public. A database that holds data is left as it is.
/// </summary>
public static class SeedDemoCommand
{
    /// <summary>Runs <c>seed-demo</c> and returns its exit code; null when <paramref name="args"/> is another command.</summary>
    public static async Task<int?> TryRunAsync(string[] args, AdminConsole console)
    {
        if (args is not ["seed-demo", ..])
            return null;
        if (args is not (["seed-demo"] or ["seed-demo", "--force"]))
            return console.Fail("usage: seed-demo [--force]");

        await using var app = console.Build();
        if (!app.Environment.IsDevelopment() && args is not [_, "--force"])
        {
            return console.Fail($"seed-demo refuses to run in the {app.Environment.EnvironmentName} environment: the demo data brings "
                + $"OAuth clients whose secrets are public and the landing key {DemoDataset.DemoLandingKey}, which anyone can post "
                + "leads with. Nothing was written. Run it in Development, or add --force to seed this database anyway.");
        }

        var output = console.Output;
        output.WriteLine($"Database: {DatabaseDescription.Of(app.Services)} ({app.Environment.EnvironmentName})");
        if (await DatabaseStartup.PrepareForCommandAsync(app, output) is { } behind)
            return console.Fail(behind);

        if (!await DemoDataset.SeedIfEmptyAsync(app.Services, seeding: output.WriteLine))
        {
            output.WriteLine("The database already holds leads, staff, partners or landing keys: seed-demo seeds only an empty database. Nothing was written.");
            return 0;
        }
        output.WriteLine("Registering the demo OAuth clients…");
        var clients = await DemoClientRegistration.AddMissingAsync(app.Services);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var landingKey = await db.LandingKeys.SingleAsync(k => k.Key == DemoDataset.DemoLandingKey);
        output.WriteLine($"""
            Created:
              {await db.Leads.CountAsync()} leads, {await db.Clients.CountAsync()} clients, {await db.Deals.CountAsync()} deals, {await db.Orders.CountAsync()} orders
              {await db.StaffUsers.CountAsync()} staff, {await db.Partners.CountAsync()} partners, {await db.ReferralCodes.CountAsync()} referral codes
              landing key {landingKey.Key} (origins {landingKey.AllowedOrigins})
              OAuth clients {string.Join(", ", clients)} (secret: the client id + "-demo-secret"; {DemoClients.StaffTools} has none)
            """);
        return 0;
    }
}
