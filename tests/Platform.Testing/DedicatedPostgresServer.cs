using System.Text;
using Npgsql;

namespace Platform.Testing;

public static partial class PostgresServer
{
    /// <summary>
    /// Starts a throwaway server for one test class alone, started like the shared one (same binaries, a fresh
    /// directory, a free loopback port, run as the unprivileged user when root), which the test may stop and start
    /// again. Always a local server, also when <see cref="ExternalServerVariable"/> is set. Dispose it to remove it.
    /// </summary>
    public static async Task<DedicatedPostgresServer> StartDedicatedAsync() =>
        new(await StartLocalServerAsync().ConfigureAwait(false));
}

/// <summary>A PostgreSQL server of one test class (<see cref="PostgresServer.StartDedicatedAsync"/>): stop it to take the database away.</summary>
public sealed class DedicatedPostgresServer : IAsyncDisposable
{
    private readonly PostgresServer.LocalServer _server;

    internal DedicatedPostgresServer(PostgresServer.LocalServer server)
    {
        _server = server;
        ConnectionString = new NpgsqlConnectionStringBuilder(server.AdminConnectionString)
        {
            // Idle connections go quickly, so that a stopped server leaves few broken ones behind.
            ConnectionIdleLifetime = 10,
            ConnectionPruningInterval = 2,
        }.ConnectionString;
    }

    /// <summary>A pooled superuser connection string on the server's <c>postgres</c> database.</summary>
    public string ConnectionString { get; }

    /// <summary>Stops the server (fast shutdown: open sessions are terminated) and returns once it is down.</summary>
    public Task StopAsync() => PgCtlAsync("stop", ["-D", _server.Data, "-m", "fast", "-w", "-t", "60", "stop"]);

    /// <summary>Starts the stopped server again on the same port and returns once it accepts connections.</summary>
    public Task StartAsync() => PgCtlAsync("start", ["-D", _server.Data, "-l", _server.Log, "-w", "-t", "90", "start"]);

    public ValueTask DisposeAsync()
    {
        PostgresServer.Stop(_server.Data, _server.Root);
        return ValueTask.CompletedTask;
    }

    private async Task PgCtlAsync(string what, string[] args)
    {
        var report = new StringBuilder();
        if (await PostgresServer.RunAsync(_server.PgCtl, args, _server.RunAs, _server.Root, report).ConfigureAwait(false) != 0)
            throw PostgresServer.Failure($"pg_ctl {what} failed.", report, _server.Log);
    }
}
