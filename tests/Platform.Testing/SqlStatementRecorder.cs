using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Platform.Testing;

/// <summary>
/// Records the text of every command EF Core executes (sync and async; reader, non-query and
/// scalar), in execution order. Register it as an <see cref="IInterceptor"/> singleton and
/// snapshot <see cref="Statements"/> next to the result, so a change in the number or shape of
/// SQL statements (an N+1, say) shows up in review. Thread-safe.
/// </summary>
public sealed class SqlStatementRecorder : DbCommandInterceptor
{
    private readonly Lock _gate = new();
    private readonly List<string> _statements = [];

    /// <summary>A snapshot of the statements recorded so far, oldest first.</summary>
    public IReadOnlyList<string> Statements
    {
        get
        {
            lock (_gate)
            {
                return _statements.ToArray();
            }
        }
    }

    /// <summary>How many statements have been recorded so far.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _statements.Count;
            }
        }
    }

    /// <summary>Forgets everything recorded so far (e.g. after arranging test data).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _statements.Clear();
        }
    }

    private void Record(DbCommand command)
    {
        lock (_gate)
        {
            _statements.Add(command.CommandText);
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result,
        CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }
}
