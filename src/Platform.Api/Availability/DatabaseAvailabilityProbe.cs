using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Data;

namespace Platform.Api.Availability;

/// <summary>
/// Sleeps until <see cref="DatabaseAvailability"/> learns the database is unreachable, then tries it every
/// <see cref="AvailabilityOptions.ProbeInterval"/> on a connection of its own (not pooled, short timeout) until it
/// answers. Before marking it available it clears the connection pool: its connections died with the server.
/// </summary>
internal sealed class DatabaseAvailabilityProbe(
    DatabaseAvailability availability, IOptions<DatabaseOptions> database, IOptions<AvailabilityOptions> options, ILogger<DatabaseAvailabilityProbe> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await availability.WhenUnavailableAsync(stoppingToken);
            while (!availability.IsAvailable)
            {
                await Task.Delay(options.Value.ProbeInterval, stoppingToken);
                if (await AnswersAsync(stoppingToken))
                {
                    ClearPool();
                    availability.MarkAvailable();
                }
            }
        }
    }

    private async Task<bool> AnswersAsync(CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(options.Value.ProbeTimeout);
        try
        {
            await using var connection = OpenProbeConnection();
            await connection.OpenAsync(timeout.Token);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(timeout.Token);
            return true;
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogDebug(e, "The database does not answer yet.");
            return false;
        }
    }

    private DbConnection OpenProbeConnection()
    {
        var connectionString = database.Value.ResolveConnectionString();
        var seconds = Math.Max(1, (int)Math.Ceiling(options.Value.ProbeTimeout.TotalSeconds));
        return database.Value.ProviderKind switch
        {
            DatabaseProvider.Postgres => new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = seconds }.ConnectionString),
            DatabaseProvider.SqlServer => new SqlConnection(new SqlConnectionStringBuilder(connectionString) { Pooling = false, ConnectTimeout = seconds }.ConnectionString),
            _ => new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString),
        };
    }

    private void ClearPool()
    {
        var connectionString = database.Value.ResolveConnectionString();
        switch (database.Value.ProviderKind)
        {
            case DatabaseProvider.Postgres:
                using (var connection = new NpgsqlConnection(connectionString))
                    NpgsqlConnection.ClearPool(connection);
                break;
            case DatabaseProvider.SqlServer:
                using (var connection = new SqlConnection(connectionString))
                    SqlConnection.ClearPool(connection);
                break;
            default:
                using (var connection = new SqliteConnection(connectionString))
                    SqliteConnection.ClearPool(connection);
                break;
        }
    }
}
