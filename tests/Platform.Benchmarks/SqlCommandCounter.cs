using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Platform.Benchmarks;

/// <summary>
/// Counts every command EF Core executes (sync and async; reader, non-query, scalar). Thread-safe. While
/// <see cref="Capture"/> is set, reader commands are also kept there (text and a copy of the parameters), for EXPLAIN.
/// </summary>
internal sealed class SqlCommandCounter : DbCommandInterceptor
{
    private long _count;

    /// <summary>Where reader commands go while set.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<(string Sql, DbParameter[] Parameters)>? Capture { get; set; }

    private void Keep(DbCommand command) =>
        Capture?.Enqueue((command.CommandText, command.Parameters.Cast<DbParameter>()
            .Select(p => p is ICloneable cloneable ? (DbParameter)cloneable.Clone() : p).ToArray()));

    public long Count => Interlocked.Read(ref _count);

    private void Increment() => Interlocked.Increment(ref _count);

    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Increment();
        Keep(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Increment();
        Keep(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Increment();
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Increment();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Increment();
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Increment();
        return ValueTask.FromResult(result);
    }
}
