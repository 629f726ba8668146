using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Platform.Api.Availability;

/// <summary>
/// Tells a failure to reach the database (a refused or dropped connection, a server shutting down or starting up, a
/// SQLite file that cannot be opened) from every other database error. Conservative: a constraint violation, a
/// serialization failure, a slow query or a full connection pool is the database answering, not an outage.
/// </summary>
public static class ConnectionFailures
{
    private const int SqliteCantOpen = 14;

    // SqlClient: could not open a connection (named pipes, TCP), network name gone, transport-level errors,
    // connection reset/refused/timed out, host not found, database offline (4060, Azure 40613).
    private static readonly HashSet<int> SqlServerConnectionErrors = [-1, 2, 53, 64, 233, 4060, 10053, 10054, 10060, 10061, 11001, 40613];

    /// <summary>Whether <paramref name="exception"/> (or the first database exception it wraps) says the database is unreachable.</summary>
    public static bool IsConnectionFailure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case DatabaseUnavailableException:
                    return true;
                case PostgresException postgres:
                    return IsConnectionState(postgres.SqlState);
                case NpgsqlException npgsql:
                    // IsTransient: a socket, I/O or connect-timeout failure underneath. A full pool also times out, but
                    // the server is there.
                    return npgsql.IsTransient && !npgsql.Message.StartsWith("The connection pool has been exhausted", StringComparison.Ordinal);
                case SqliteException sqlite:
                    return sqlite.SqliteErrorCode == SqliteCantOpen;
                case SqlException sql:
                    return SqlServerConnectionErrors.Contains(sql.Number);
                case AggregateException aggregate:
                    return aggregate.InnerExceptions.Any(IsConnectionFailure);
            }
        }
        return false;
    }

    /// <summary>Class 08 (connection exception), and the server shutting down, crashed or still starting (57P01–57P03).</summary>
    private static bool IsConnectionState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow;
}
