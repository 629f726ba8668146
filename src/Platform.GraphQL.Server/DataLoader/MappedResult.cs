using GraphQL.DataLoader;

namespace Platform.GraphQL.Server.DataLoader;

/// <summary>
/// <paramref name="source"/>'s result passed through <paramref name="map"/> when the execution engine asks for it
/// (<see cref="DataLoaderResultExtensions.Then"/>). One object per mapped item; a source that has loaded already is mapped
/// without an async state machine.
/// </summary>
internal sealed class MappedResult<T, TResult>(IDataLoaderResult<T> source, Func<T, TResult> map) : IDataLoaderResult<TResult>
{
    private Task<TResult>? _task;

    public Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) => _task ??= Map(source.GetResultAsync(cancellationToken));

    Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => UntypedResult.Of(GetResultAsync(cancellationToken));

    private Task<TResult> Map(Task<T> loading)
    {
        if (!loading.IsCompletedSuccessfully)
            return MapAsync(loading);
        try
        {
            return Task.FromResult(map(loading.Result));
        }
        catch (Exception exception)
        {
            // A failing map fails the result, as it would inside an async method.
            return Task.FromException<TResult>(exception);
        }
    }

    private async Task<TResult> MapAsync(Task<T> loading) => map(await loading.ConfigureAwait(false));
}
