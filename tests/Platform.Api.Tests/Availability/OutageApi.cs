using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Availability;
using Platform.Api.Tests.Infrastructure;
using Platform.Testing;

namespace Platform.Api.Tests.Availability;

/// <summary>
/// The API on a PostgreSQL server of its own, which tests stop and start. The request timeout is long (5 minutes), so
/// a request that waits on the stopped database makes the test hang rather than pass on a timeout answer.
/// </summary>
public class OutageApi() : ApiHost("Postgres")
{
    private DedicatedPostgresServer? _server;

    public DedicatedPostgresServer Server => _server!;

    public DatabaseAvailability Availability => Services.GetRequiredService<DatabaseAvailability>();

    protected override int DemoLeads => 20;

    protected override async Task<string> CreateDatabaseAsync()
    {
        _server = await PostgresServer.StartDedicatedAsync();
        return _server.ConnectionString;
    }

    protected override void Configure(WebApplicationBuilder builder)
    {
        builder.Configuration["GraphQL:RequestTimeout"] = "00:05:00";
        builder.Configuration["Availability:ProbeInterval"] = "00:00:00.200";
        builder.Configuration["Availability:RetryAfter"] = "00:00:03";
    }

    /// <summary>Starts the stopped server and returns once the API's probe has noticed.</summary>
    public async Task RestoreDatabaseAsync()
    {
        await Server.StartAsync();
        await Availability.WhenAvailableAsync().WaitAsync(TimeSpan.FromMinutes(2));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_server is not null)
            await _server.DisposeAsync();
    }
}
