using GraphQL.DataLoader;

namespace Platform.GraphQL.Server.Relay;

/// <summary>
/// One page of a Relay connection. The total count is a data-loader result created only when
/// <c>totalCount</c> is selected, so nested connections count all their parents in one query.
/// </summary>
public sealed class Connection<T>(IReadOnlyList<Edge<T>> edges, PageInfo pageInfo, Func<IDataLoaderResult<int>> count)
{
    public IReadOnlyList<Edge<T>> Edges { get; } = edges;
    public PageInfo PageInfo { get; } = pageInfo;
    public IEnumerable<T> Nodes => Edges.Select(edge => edge.Node);
    public IDataLoaderResult<int> Count() => count();
}

/// <summary>A node of a page with the cursor that points at it.</summary>
public sealed record Edge<T>(string Cursor, T Node);

/// <summary>Whether more rows lie on either side of a page, and the cursors of its ends.</summary>
public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
