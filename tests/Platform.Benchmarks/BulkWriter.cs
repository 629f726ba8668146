using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Platform.Data;

namespace Platform.Benchmarks;

/// <summary>
/// Writes entities straight into their tables, bypassing the change tracker: PostgreSQL through binary COPY (Npgsql's
/// binary importer), SQLite through one prepared INSERT per row inside the caller's transaction. Columns, value
/// conversions (enums stored by name) and table names come from the EF model, so the rows are exactly what
/// SaveChanges would write — except that ids are given by the caller (the identity sequences are moved past them
/// afterwards, see <see cref="ResetIdentityAsync"/>) and audit stamps must be set by the caller too.
/// </summary>
internal sealed class BulkWriter(PlatformDbContext db)
{
    private sealed record Column(string Name, Func<object, object?> Value);

    private readonly Dictionary<Type, (string Table, Column[] Columns)> _tables = [];

    public bool IsPostgres => db.Database.ProviderName!.Contains("Npgsql", StringComparison.Ordinal);

    private (string Table, Column[] Columns) TableOf(Type type)
    {
        if (_tables.TryGetValue(type, out var table))
            return table;
        var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not mapped.");
        // Shadow properties are the data layer's to keep (e.g. a lead's days to conversion): left null, the caller rebuilds them.
        var columns = entity.GetProperties().Where(p => !p.IsShadowProperty()).Select(p =>
        {
            var info = p.PropertyInfo!;
            var converter = p.GetTypeMapping().Converter;
            Func<object, object?> value = converter is null
                ? e => info.GetValue(e)
                : e => info.GetValue(e) is { } v ? converter.ConvertToProvider(v) : null;
            return new Column(p.GetColumnName(), value);
        }).ToArray();
        return _tables[type] = (entity.GetTableName()!, columns);
    }

    /// <summary>Inserts <paramref name="rows"/> (ids set) into <typeparamref name="T"/>'s table.</summary>
    public async Task WriteAsync<T>(IReadOnlyCollection<T> rows, CancellationToken ct = default) where T : class
    {
        if (rows.Count == 0)
            return;
        var (table, columns) = TableOf(typeof(T));
        var connection = db.Database.GetDbConnection();
        if (connection is NpgsqlConnection npgsql)
        {
            var copy = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
            await using var importer = await npgsql.BeginBinaryImportAsync(copy, ct);
            importer.Timeout = TimeSpan.FromMinutes(10); // foreign-key checks of a large chunk on a busy machine
            foreach (var row in rows)
            {
                await importer.StartRowAsync(ct);
                foreach (var column in columns)
                {
                    if (column.Value(row) is { } value)
                        await importer.WriteAsync(value, ct);
                    else
                        await importer.WriteNullAsync(ct);
                }
            }
            await importer.CompleteAsync(ct);
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        var parameters = columns.Select((_, i) =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        command.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Length; i++)
                parameters[i].Value = Sqlite(columns[i].Value(row));
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>SQLite values as EF Core's SQLite provider writes them (timestamps as ISO text).</summary>
    private static object Sqlite(object? value) => value switch
    {
        null => DBNull.Value,
        DateTime t => t.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture),
        _ => value,
    };

    /// <summary>The next id of <typeparamref name="T"/>'s table (1 + the largest).</summary>
    public async Task<long> NextIdAsync<T>(CancellationToken ct = default) where T : class
    {
        var (table, _) = TableOf(typeof(T));
        var max = await ScalarAsync($"SELECT MAX(\"Id\") FROM \"{table}\"", ct);
        return max is null or DBNull ? 1 : Convert.ToInt64(max, System.Globalization.CultureInfo.InvariantCulture) + 1;
    }

    /// <summary>After explicit ids: PostgreSQL's identity sequence continues after the largest id (SQLite does so by itself).</summary>
    public async Task ResetIdentityAsync<T>(CancellationToken ct = default) where T : class
    {
        if (!IsPostgres)
            return;
        var (table, _) = TableOf(typeof(T));
        await ScalarAsync($"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT COALESCE(MAX(\"Id\"), 1) FROM \"{table}\"))", ct);
    }

    public async Task<int> ExecuteAsync(string sql, CancellationToken ct = default)
    {
        await using var command = Command(sql);
        command.CommandTimeout = 600;
        return await command.ExecuteNonQueryAsync(ct);
    }

    private async Task<object?> ScalarAsync(string sql, CancellationToken ct)
    {
        await using var command = Command(sql);
        return await command.ExecuteScalarAsync(ct);
    }

    private DbCommand Command(string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        return command;
    }
}
