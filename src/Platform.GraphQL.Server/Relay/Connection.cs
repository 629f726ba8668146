using GraphQL.DataLoader;

namespace Platform.GraphQL.Server.Relay;

/// <summary>
/// One page of a Relay connection. Cursors are encoded only when a client selects them, and the
/// total count is a data-loader result created only when <c>totalCount</c> is selected, so nested
/// connections count all their parents in one query.
/// </summary>
public sealed class Connection<T>(IReadOnlyList<T> nodes, PageInfo pageInfo, KeysetOrder<T> order, Func<IDataLoaderResult<int>> count)
{
    private IReadOnlyList<Edge<T>>? _edges;

    public IReadOnlyList<T> Nodes { get; } = nodes;
    public IReadOnlyList<Edge<T>> Edges => _edges ??= Nodes.Select(node => new Edge<T>(node, order)).ToList();
    public PageInfo PageInfo { get; } = pageInfo;
    public IDataLoaderResult<int> Count() => count();
}

/// <summary>A node of a page with the cursor that points at it.</summary>
public sealed class Edge<T>(T node, KeysetOrder<T> order)
{
    public T Node { get; } = node;
    public string Cursor => order.CursorOf(Node);
}

/// <summary>Whether more rows lie on either side of a page, and the cursors of its ends.</summary>
public sealed class PageInfo(bool hasNextPage, bool hasPreviousPage, Func<string?> startCursor, Func<string?> endCursor)
{
    public bool HasNextPage { get; } = hasNextPage;
    public bool HasPreviousPage { get; } = hasPreviousPage;
    public string? StartCursor => startCursor();
    public string? EndCursor => endCursor();
}
