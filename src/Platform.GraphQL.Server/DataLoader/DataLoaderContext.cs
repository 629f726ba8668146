namespace Platform.GraphQL.Server.DataLoader;

/// <summary>
/// The data loaders of one request (register it scoped). Loaders are found by name, so every
/// resolver that asks for "Lead.owner" in a request shares one batch. Not thread-safe: run
/// queries with GraphQL.NET's serial execution strategy (one DbContext per request needs it too).
/// </summary>
public sealed class DataLoaderContext
{
    private readonly Dictionary<object, object> _loaders = new();

    /// <summary>
    /// Returns the loader called <paramref name="name"/>, creating it with <paramref name="fetch"/>
    /// on first use. <paramref name="fetch"/> receives the distinct keys of one batch and returns
    /// the values found; missing keys resolve to <c>default</c>.
    /// </summary>
    public BatchLoader<TKey, TValue> GetOrAdd<TKey, TValue>(
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
        where TKey : notnull
    {
        if (_loaders.TryGetValue(name, out var existing))
            return (BatchLoader<TKey, TValue>)existing;
        var loader = new BatchLoader<TKey, TValue>(fetch);
        _loaders[name] = loader;
        return loader;
    }

    /// <summary>
    /// The request's value under <paramref name="key"/>, made from <paramref name="argument"/> by <paramref name="create"/>
    /// on first use: what every resolution of one field in the request shares (its page, its loader), worked out once
    /// rather than per parent.
    /// </summary>
    public TValue GetOrAdd<TArgument, TValue>(object key, Func<TArgument, TValue> create, TArgument argument) where TValue : class
    {
        if (_loaders.TryGetValue(key, out var existing))
            return (TValue)existing;
        var value = create(argument);
        _loaders[key] = value;
        return value;
    }
}
