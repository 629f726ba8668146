namespace Platform.GraphQL.Server.Relay;

/// <summary>One page of a Relay connection, with the total count computed only when asked for.</summary>
public sealed class Connection<T>(IReadOnlyList<Edge<T>> edges, PageInfo pageInfo, Func<CancellationToken, Task<int>> count)
{
    public IReadOnlyList<Edge<T>> Edges { get; } = edges;
    public PageInfo PageInfo { get; } = pageInfo;
    public IEnumerable<T> Nodes => Edges.Select(edge => edge.Node);
    public Task<int> CountAsync(CancellationToken cancellationToken) => count(cancellationToken);
}

/// <summary>A node of a page with the cursor that points at it.</summary>
public sealed record Edge<T>(string Cursor, T Node);

/// <summary>Whether more rows lie on either side of a page, and the cursors of its ends.</summary>
public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
