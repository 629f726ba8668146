using System.Data.Common;
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
