using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Platform.Data;

namespace Platform.Api.Tests.Infrastructure;

/// <summary>
/// SQL Server without a server (none runs here): a context whose connection never opens and whose commands answer no
/// rows, keeping their text. A query that does not translate throws; the SQL it generates can be checked.
/// </summary>
internal sealed class SqlServerWithoutServer : DbCommandInterceptor, IDbConnectionInterceptor
{
    public List<string> Commands { get; } = [];

    public SqlServerDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<SqlServerDbContext>().UseSqlServer("Server=none;Database=none").AddInterceptors(this).Options);

    public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(InterceptionResult.Suppress());

    public ValueTask ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        ValueTask.FromResult(InterceptionResult.Suppress());

    /// <summary>No rows; the columns the KPIs' raw SQL statements are read by (the duration statistics, sleeping clients).</summary>
    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Commands.Add(command.CommandText);
        var table = new DataTable();
        if (command.CommandText.Contains("\"SleepingClients\"", StringComparison.Ordinal))
        {
            foreach (var column in new[] { "Bucket", "Dimension", "PayingClients", "SleepingClients" })
                table.Columns.Add(column);
        }
        else if (command.CommandText.Contains("\"MedianSeconds\"", StringComparison.Ordinal))
        {
            foreach (var column in new[] { "Bucket", "Dimension", "Count", "AverageSeconds", "MedianSeconds", "P90Seconds", "FlaggedWithin" })
                table.Columns.Add(column);
        }
        return ValueTask.FromResult(InterceptionResult<DbDataReader>.SuppressWithResult(table.CreateDataReader()));
    }

    /// <summary>No rows changed.</summary>
    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Commands.Add(command.CommandText);
        return ValueTask.FromResult(InterceptionResult<int>.SuppressWithResult(0));
    }
}
