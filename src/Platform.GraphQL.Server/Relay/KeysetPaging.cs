using Microsoft.EntityFrameworkCore;

namespace Platform.GraphQL.Server.Relay;

/// <summary>Relay paging over an <see cref="IQueryable{T}"/> by keyset: one SELECT per page, no OFFSET.</summary>
public static class KeysetPaging
{
    /// <summary>
    /// The rows of <paramref name="request"/>'s page, filtered by its cursors and limited to one
    /// more than the page size (the extra row tells whether another page follows), in the
    /// direction of travel. Use with <see cref="ToConnection"/>.
    /// </summary>
    public static IQueryable<T> Window<T>(IQueryable<T> source, PageRequest request, KeysetOrder<T> order)
    {
        if (request.After is not null)
            source = source.Where(order.Beyond(request.After, before: false));
        if (request.Before is not null)
            source = source.Where(order.Beyond(request.Before, before: true));
        return order.Sort(source, reverse: request.Backward).Take(request.Size + 1);
    }

    /// <summary>Turns rows fetched by <see cref="Window"/> into a page in the order's direction.</summary>
    public static Connection<T> ToConnection<T>(IReadOnlyList<T> window, PageRequest request, KeysetOrder<T> order, Func<CancellationToken, Task<int>> count)
    {
        var more = window.Count > request.Size;
        IEnumerable<T> rows = more ? window.Take(request.Size) : window;
        if (request.Backward)
            rows = rows.Reverse();
        var edges = rows.Select(row => new Edge<T>(order.CursorOf(row), row)).ToList();
        // Rows on the far side of the cursor we came from exist by construction (it named a row).
        var pageInfo = new PageInfo(
            HasNextPage: request.Backward ? request.Before is not null : more,
            HasPreviousPage: request.Backward ? more : request.After is not null,
            StartCursor: edges.FirstOrDefault()?.Cursor,
            EndCursor: edges.LastOrDefault()?.Cursor);
        return new Connection<T>(edges, pageInfo, count);
    }

    /// <summary>Pages <paramref name="source"/>: one query for the page, one more only if totalCount is selected.</summary>
    public static async Task<Connection<T>> PageAsync<T>(IQueryable<T> source, PageRequest request, KeysetOrder<T> order, CancellationToken cancellationToken)
    {
        var window = await Window(source, request, order).ToListAsync(cancellationToken).ConfigureAwait(false);
        return ToConnection(window, request, order, ct => source.CountAsync(ct));
    }
}
