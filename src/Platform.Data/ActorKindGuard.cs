using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Platform.Data;

/// <summary>
/// Refuses every command of a context whose actor is no longer of the kind its model was chosen for (say, a context
/// taken before a request's caller was authenticated, then used for a partner): its SQL would lack the caller's filters.
/// Fails closed, so a mistake in the order of a request's work shows as an error, never as another partner's data.
/// </summary>
internal sealed class ActorKindGuard : DbCommandInterceptor
{
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Checked(eventData, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Checked(eventData, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Checked(eventData, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Checked(eventData, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Checked(eventData, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Checked(eventData, result));

    private static T Checked<T>(CommandEventData eventData, T result)
    {
        if (eventData.Context is PlatformDbContext context && ActorKinds.Of(context.Actor) is var now && now != context.ModelKind)
        {
            throw new InvalidOperationException(
                $"This database context was set up for a caller of kind {context.ModelKind} and its caller is now of kind {now}; resolve the context only once the caller is known.");
        }
        return result;
    }
}
