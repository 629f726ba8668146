using Platform.Api.Demo;
using Platform.Api.Deployment;
using Platform.Testing;

namespace Platform.Api.Tests.Deployment;

/// <summary>
/// A Production node started while its database is down starts anyway (forms go to the spool) and checks the schema once
/// the database answers: behind the code, it stops rather than serve it.
/// </summary>
public sealed class StartDuringOutageTests : IAsyncLifetime
{
    private DedicatedPostgresServer _server = null!;
    private EmptyDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.StartDedicatedAsync();
        _db = new EmptyDatabase("Postgres", _server.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Production_StartedDuringAnOutage_OnADatabaseWithoutItsSchema_StopsOnceTheDatabaseAnswers()
    {
        var migrations = await _db.PendingMigrationsAsync();
        await _server.StopAsync();
        await using var app = _db.Api("Production", ("Availability:ProbeInterval", "00:00:00.200"));
        var refusedLater = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);

        Assert.Null(await DatabaseStartup.PrepareAsync(app, DemoStartup.SeedFor(app), refusedLater.SetResult));
        await app.StartAsync();
        Assert.False(refusedLater.Task.IsCompleted);
        await _server.StartAsync();

        Assert.Contains($"lacks {migrations.Count} migration(s) of this version: {string.Join(", ", migrations)}.", await refusedLater.Task.WaitAsync(TimeSpan.FromMinutes(2)));
        Assert.True(app.Lifetime.ApplicationStopping.IsCancellationRequested);
    }
}
