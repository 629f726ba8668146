using GraphQL.DataLoader;

namespace Platform.GraphQL.Server.DataLoader;

/// <summary>Mapping over data-loader results without awaiting them early.</summary>
public static class DataLoaderResultExtensions
{
    /// <summary>A result that applies <paramref name="map"/> once <paramref name="result"/> has loaded.</summary>
    public static IDataLoaderResult<TResult> Then<T, TResult>(this IDataLoaderResult<T> result, Func<T, TResult> map) =>
        new MappedResult<T, TResult>(result, map);
}
