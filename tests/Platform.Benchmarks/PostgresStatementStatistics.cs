using Npgsql;

namespace Platform.Benchmarks;

/// <summary>
/// PostgreSQL's own account of the statements the benchmark database ran since <see cref="ResetAsync"/>
/// (pg_stat_statements: calls, execution and planning time), when the server loads the extension
/// (the throwaway server does when its binaries have it, see <c>PostgresServer</c>).
/// </summary>
internal sealed class PostgresStatementStatistics(string connectionString)
{
    // This class's own statements name the view; they are left out of the figures.
    private const string OtherThanOurs = "dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT LIKE '%pg_stat_statements%'";

    /// <summary>The statistics of the benchmark database, or null (with the reason printed) when the server lacks them.</summary>
    public static async Task<PostgresStatementStatistics?> TryCreateAsync(string connectionString)
    {
        try
        {
            var statistics = new PostgresStatementStatistics(connectionString);
            await statistics.ExecuteAsync("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            await statistics.ResetAsync();
            return statistics;
        }
        catch (PostgresException e)
        {
            Console.WriteLine($"PostgreSQL time per request not measured: {e.MessageText}");
            return null;
        }
    }

    /// <summary>Forgets what was counted so far (on the whole server).</summary>
    public Task ResetAsync() => ExecuteAsync("SELECT pg_stat_statements_reset()");

    /// <summary>Totals since the reset: statements run, and milliseconds spent executing and planning them.</summary>
    public async Task<(long Calls, double ExecutionMs, double PlanningMs)> TotalsAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT coalesce(sum(calls), 0)::bigint, coalesce(sum(total_exec_time), 0), coalesce(sum(total_plan_time), 0) FROM pg_stat_statements WHERE {OtherThanOurs}",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetDouble(1), reader.GetDouble(2));
    }

    /// <summary>The statements that took the most time since the reset, one line each: calls, mean times and the text's start.</summary>
    public async Task<IReadOnlyList<string>> TopAsync(int count, long requests)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            $"""
            SELECT calls, total_exec_time / calls, total_plan_time / calls, plans, regexp_replace(query, '\s+', ' ', 'g')
            FROM pg_stat_statements WHERE {OtherThanOurs} AND calls > 0
            ORDER BY total_exec_time + total_plan_time DESC LIMIT {count}
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            var text = reader.GetString(4);
            lines.Add($"{reader.GetInt64(0) / (double)Math.Max(requests, 1),6:F2}/request  exec {reader.GetDouble(1):F3} ms  plan {reader.GetDouble(2):F3} ms ({reader.GetInt64(3)} plans)  {(text.Length > 110 ? text[..110] + "…" : text)}");
        }
        return lines;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }
}
