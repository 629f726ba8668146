using System.Data;
using System.Data.Common;
using System.Text.RegularExpressions;
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

    /// <summary>No rows, or one where a statement's result decides what runs next; the columns the KPIs' raw SQL statements are read by (the duration statistics, the conversion histogram and its leads, sleeping clients), and those of a table an insert outputs.</summary>
    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Commands.Add(command.CommandText);
        var table = new DataTable();
        if (command.CommandText.Contains("\"SleepingClients\"", StringComparison.Ordinal))
        {
            foreach (var column in new[] { "Bucket", "Dimension", "PayingClients", "SleepingClients" })
                table.Columns.Add(column);
        }
        else if (command.CommandText.Contains("FROM [LeadConversionRollups]", StringComparison.Ordinal))
        {
            // One histogram cell, so it holds the only middle rank and the read of its leads runs too.
            Typed(table, ("Day", typeof(DateTime)), ("Value", typeof(string)), ("Cells", typeof(string)), ("Milliseconds", typeof(long)));
            table.Rows.Add(new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc), null, "0:1", 1000L); // a day every bucket kind can start; 1 lead after 0 whole days
        }
        else if (command.CommandText.Contains("\"Part\"", StringComparison.Ordinal) && command.CommandText.Contains("\"Seconds\"", StringComparison.Ordinal))
        {
            Typed(table, ("Part", typeof(int)), ("Dimension", typeof(string)), ("Seconds", typeof(double)));
            table.Rows.Add(0, null, 1.0);
        }
        else if (command.CommandText.Contains("\"MedianSeconds\"", StringComparison.Ordinal))
        {
            foreach (var column in new[] { "Bucket", "Dimension", "Count", "AverageSeconds", "MedianSeconds", "P90Seconds", "FlaggedWithin" })
                table.Columns.Add(column);
        }
        else if (Regex.Match(command.CommandText, @"INSERT INTO \[(\w+)\][^;]*OUTPUT inserted\.\*") is { Success: true } insert)
        {
            var entity = eventData.Context!.Model.GetEntityTypes().Single(e => e.GetTableName() == insert.Groups[1].Value);
            foreach (var property in entity.GetProperties())
                table.Columns.Add(property.GetColumnName());
        }
        return ValueTask.FromResult(InterceptionResult<DbDataReader>.SuppressWithResult(table.CreateDataReader()));
    }

    private static void Typed(DataTable table, params (string Name, Type Type)[] columns)
    {
        foreach (var (name, type) in columns)
            table.Columns.Add(name, type);
    }

    /// <summary>No rows changed.</summary>
    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Commands.Add(command.CommandText);
        return ValueTask.FromResult(InterceptionResult<int>.SuppressWithResult(0));
    }
}
