using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;
using Platform.Api.Availability;
using Platform.Testing;

namespace Platform.Api.Tests.Availability;

/// <summary>Real driver failures: only a database that cannot be reached counts as an outage.</summary>
public sealed class ConnectionFailuresTests
{
    [Fact]
    public async Task Postgres_ConnectionRefused_IsAConnectionFailure()
    {
        var failure = await Assert.ThrowsAnyAsync<NpgsqlException>(async () =>
        {
            await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={ClosedPort()};Username=postgres;Timeout=5;Pooling=false");
            await connection.OpenAsync();
        });

        Assert.True(ConnectionFailures.IsConnectionFailure(failure));
        Assert.True(ConnectionFailures.IsConnectionFailure(new InvalidOperationException("wrapped", failure)));
    }

    [Fact]
    public async Task Postgres_UniqueViolation_IsNotAConnectionFailure()
    {
        await using var connection = new NpgsqlConnection(PostgresServer.AdminConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand("CREATE TEMP TABLE once (id int PRIMARY KEY); INSERT INTO once VALUES (1);", connection);
        await create.ExecuteNonQueryAsync();

        await using var again = new NpgsqlCommand("INSERT INTO once VALUES (1)", connection);
        var failure = await Assert.ThrowsAsync<PostgresException>(() => again.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.UniqueViolation, failure.SqlState);
        Assert.False(ConnectionFailures.IsConnectionFailure(failure));
    }

    [Fact]
    public void Sqlite_FileThatCannotBeOpened_IsAConnectionFailure()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}", "platform.db")};Pooling=false");

        var failure = Assert.Throws<SqliteException>(connection.Open);

        Assert.True(ConnectionFailures.IsConnectionFailure(failure));
    }

    [Fact]
    public void Sqlite_UniqueViolation_IsNotAConnectionFailure()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE once (id INTEGER PRIMARY KEY); INSERT INTO once VALUES (1); INSERT INTO once VALUES (1);";

        var failure = Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());

        Assert.False(ConnectionFailures.IsConnectionFailure(failure));
    }

    /// <summary>A loopback port nobody listens on: bound and released at once.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
