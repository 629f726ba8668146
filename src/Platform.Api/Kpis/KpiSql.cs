using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Data;

namespace Platform.Api.Kpis;

/// <summary>Hand-written SQL the KPIs and their rollups share.</summary>
internal static class KpiSql
{
    /// <summary>The SQL EF Core generates for <paramref name="query"/> and its parameters, to wrap in a hand-written statement.</summary>
    public static (string Sql, DbParameter[] Parameters) Of(IQueryable query)
    {
        using var command = query.CreateDbCommand();
        var parameters = command.Parameters.Cast<DbParameter>().ToArray();
        command.Parameters.Clear(); // the parameters move to the statement that wraps the text
        return (command.CommandText, parameters);
    }

    /// <summary>
    /// <paramref name="rows"/> (int, DateTime and string properties) as a table to join in a query: one JSON parameter the
    /// database unpacks (PostgreSQL <c>jsonb_to_recordset</c>, SQL Server <c>OPENJSON</c>, SQLite <c>json_each</c>), so the
    /// statement's text, and its cached plan, stay the same whatever the number of rows.
    /// </summary>
    public static IQueryable<TRow> Rows<TRow>(PlatformDbContext db, IEnumerable<TRow> rows)
    {
        var provider = db.Database.ProviderName ?? "";
        var (postgres, sqlite) = (provider.Contains("Npgsql", StringComparison.Ordinal), provider.Contains("Sqlite", StringComparison.Ordinal));
        var columns = typeof(TRow).GetProperties().Select(p => (p.Name, Type: p.PropertyType, Property: p)).ToList();
        // Dates as each provider compares them: an instant for PostgreSQL, datetime2 for SQL Server, EF Core's text for SQLite.
        var dateFormat = sqlite ? "yyyy-MM-dd HH:mm:ss.FFFFFFF" : postgres ? "yyyy-MM-ddTHH:mm:ss.FFFFFFFZ" : "yyyy-MM-ddTHH:mm:ss.FFFFFFF";
        var json = JsonSerializer.Serialize(rows.Select(row => columns.ToDictionary(c => c.Name, c => c.Property.GetValue(row) switch
        {
            DateTime date => date.ToString(dateFormat, CultureInfo.InvariantCulture),
            var value => value,
        })));
        string SqlType(Type type) => (type == typeof(int), type == typeof(DateTime)) switch
        {
            (true, _) => postgres ? "integer" : "int",
            (_, true) => postgres ? "timestamp with time zone" : "datetime2",
            _ => postgres ? "text" : "nvarchar(max)",
        };
        var sql = provider switch
        {
            _ when postgres =>
                $"SELECT * FROM jsonb_to_recordset(CAST({{0}} AS jsonb)) AS r({string.Join(", ", columns.Select(c => $"\"{c.Name}\" {SqlType(c.Type)}"))})",
            _ when provider.Contains("SqlServer", StringComparison.Ordinal) =>
                $"SELECT * FROM OPENJSON({{0}}) WITH ({string.Join(", ", columns.Select(c => $"\"{c.Name}\" {SqlType(c.Type)} '$.{c.Name}'"))})",
            _ when sqlite =>
                $"SELECT {string.Join(", ", columns.Select(c => $"json_extract(value, '$.{c.Name}') AS \"{c.Name}\""))} FROM json_each({{0}})",
            _ => throw new NotSupportedException($"No JSON rows for the provider {provider}."),
        };
        return db.Database.SqlQueryRaw<TRow>(sql, json);
    }

    /// <summary>
    /// Folds rollup rows in one transaction: deletes the rows of <paramref name="table"/> matching <paramref name="where"/>
    /// and inserts what <paramref name="fold"/> makes of <b>the rows the DELETE returned</b> (RETURNING, on SQL Server
    /// OUTPUT). A row a writer appends meanwhile is not deleted and stays as it is, a row another compaction deletes first
    /// is summed by that one, so every row counts exactly once on any number of API nodes. Returns the rows removed.
    /// </summary>
    public static async Task<int> CompactAsync<TRow>(PlatformDbContext db, string table, string where, Func<List<TRow>, IEnumerable<TRow>> fold, CancellationToken ct)
        where TRow : class
    {
        var delete = db.Database.IsSqlServer()
            ? $"DELETE FROM \"{table}\" OUTPUT DELETED.* WHERE {where}"
            : $"DELETE FROM \"{table}\" WHERE {where} RETURNING *";
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var removed = await db.Set<TRow>().FromSqlRaw(delete).AsNoTracking().ToListAsync(ct);
        db.Set<TRow>().AddRange(fold(removed));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await transaction.CommitAsync(ct);
        return removed.Count;
    }
}
