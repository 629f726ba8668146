using GraphQL.DataLoader;

namespace Platform.GraphQL.Server.DataLoader;

/// <summary>
/// Collects keys while one level of the query executes, then fetches them all in one call the
/// first time any of the results is awaited. Results are cached for the rest of the request.
/// </summary>
public sealed class BatchLoader<TKey, TValue> where TKey : notnull
{
    private readonly Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> _fetch;
    private readonly Dictionary<TKey, Result> _cache = new();
    private Batch? _open;

    internal BatchLoader(Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch) => _fetch = fetch;

    /// <summary>Queues <paramref name="key"/>; the batch runs when any queued result is awaited.</summary>
    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        if (_cache.TryGetValue(key, out var cached))
            return cached;
        _open ??= new Batch(this);
        _open.Keys.Add(key);
        return _cache[key] = new Result(_open, key);
    }

    private sealed class Batch(BatchLoader<TKey, TValue> loader)
    {
        public readonly List<TKey> Keys = new();
        private Task<IReadOnlyDictionary<TKey, TValue>>? _values;

        public Task<IReadOnlyDictionary<TKey, TValue>> GetValuesAsync(CancellationToken cancellationToken)
        {
            if (_values is null)
            {
                // Close the batch: keys queued from now on start a new one.
                if (ReferenceEquals(loader._open, this))
                    loader._open = null;
                _values = loader._fetch(Keys, cancellationToken);
            }
            return _values;
        }
    }

    private sealed class Result(Batch batch, TKey key) : IDataLoaderResult<TValue?>
    {
        /// <summary>After the batch has run (for every key but the one whose await ran it), no async state machine.</summary>
        public Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = batch.GetValuesAsync(cancellationToken);
            return values.IsCompletedSuccessfully ? Task.FromResult(ValueIn(values.Result)) : ValueInAsync(values);
        }

        private async Task<TValue?> ValueInAsync(Task<IReadOnlyDictionary<TKey, TValue>> values) => ValueIn(await values.ConfigureAwait(false));

        private TValue? ValueIn(IReadOnlyDictionary<TKey, TValue> values) => values.TryGetValue(key, out var value) ? value : default;

        Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => UntypedResult.Of(GetResultAsync(cancellationToken));
    }
}
