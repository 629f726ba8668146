using GraphQL;
using GraphQL.DataLoader;

namespace Platform.GraphQL.Server.Relay;

/// <summary>
/// Resolves global IDs to objects for <c>node(id:)</c> and <c>nodes(ids:)</c>: each node type
/// registers how to load one of its objects by local id (through a batching loader, so
/// <c>nodes</c> of one type costs one query).
/// </summary>
public sealed class NodeRegistry
{
    private readonly Dictionary<string, Func<IResolveFieldContext, long, IDataLoaderResult<object?>>> _loaders = new(StringComparer.Ordinal);

    public NodeRegistry Add(string typeName, Func<IResolveFieldContext, long, IDataLoaderResult<object?>> load)
    {
        _loaders.Add(typeName, load);
        return this;
    }

    /// <summary>The object named by <paramref name="globalId"/>, or null for an unknown or malformed ID.</summary>
    public IDataLoaderResult<object?> Load(IResolveFieldContext context, string? globalId) =>
        GlobalId.TryDecode(globalId, out var type, out var id) && _loaders.TryGetValue(type, out var load)
            ? load(context, id)
            : Missing;

    /// <summary>The objects named by <paramref name="globalIds"/>, in order, null where not found.</summary>
    public IDataLoaderResult<IReadOnlyList<object?>> LoadMany(IResolveFieldContext context, IEnumerable<string?> globalIds) =>
        new All(globalIds.Select(id => Load(context, id)).ToList());

    private static readonly IDataLoaderResult<object?> Missing = new Done();

    private sealed class Done : IDataLoaderResult<object?>
    {
        public Task<object?> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromResult<object?>(null);
    }

    private sealed class All(IReadOnlyList<IDataLoaderResult<object?>> parts) : IDataLoaderResult<IReadOnlyList<object?>>
    {
        public async Task<IReadOnlyList<object?>> GetResultAsync(CancellationToken cancellationToken = default)
        {
            // Every part was queued before the first await, so each type's batch runs once.
            var results = new object?[parts.Count];
            for (var i = 0; i < parts.Count; i++)
                results[i] = await parts[i].GetResultAsync(cancellationToken).ConfigureAwait(false);
            return results;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }
}
