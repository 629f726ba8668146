using GraphQL.DataLoader;

namespace Platform.GraphQL.Server.DataLoader;

/// <summary>
/// A result computed only when the execution engine asks for it — after the other fields of its
/// level — e.g. a COUNT that only runs when <c>totalCount</c> is selected.
/// </summary>
public sealed class DeferredResult<T>(Func<CancellationToken, Task<T>> compute) : IDataLoaderResult<T>
{
    private Task<T>? _task;

    public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => _task ??= compute(cancellationToken);

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
        await GetResultAsync(cancellationToken).ConfigureAwait(false);
}
