using System.Linq.Expressions;
using System.Reflection;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using Platform.GraphQL.Server.DataLoader;
using Platform.GraphQL.Server.Projection;

namespace Platform.GraphQL.Server.Relay;

/// <summary>Relay paging over an <see cref="IQueryable{T}"/> by keyset: one SELECT per page, no OFFSET.</summary>
public static class KeysetPaging
{
    private static readonly MethodInfo Constant = typeof(EF).GetMethod(nameof(EF.Constant))!.MakeGenericMethod(typeof(int));

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
        return Take(order.Sort(source, reverse: request.Backward), request.Size + 1);
    }

    /// <summary>
    /// <c>source.Take(count)</c> with the count written into the SQL (<c>LIMIT 21</c>) rather than sent as a parameter:
    /// PostgreSQL plans a prepared <c>LIMIT $1</c> for a tenth of the table, finds that plan dearer than one for the actual
    /// count and so plans every execution again; with the count in the text each page size keeps its one plan.
    /// </summary>
    private static IQueryable<T> Take<T>(IQueryable<T> source, int count) =>
        source.Provider.CreateQuery<T>(Expression.Call(SequenceMethods<T>.Queryable.Take, source.Expression, Expression.Call(Constant, Expression.Constant(count))));

    /// <summary>Turns rows fetched by <see cref="Window"/> into a page in the order's direction.</summary>
    public static Connection<T> ToConnection<T>(IReadOnlyList<T> window, PageRequest request, KeysetOrder<T> order, Func<IDataLoaderResult<int>> count)
    {
        var more = window.Count > request.Size;
        IEnumerable<T> rows = more ? window.Take(request.Size) : window;
        if (request.Backward)
            rows = rows.Reverse();
        var nodes = rows.ToList();
        // Rows on the far side of the cursor we came from exist by construction (it named a row).
        var pageInfo = new PageInfo(
            hasNextPage: request.Backward ? request.Before is not null : more,
            hasPreviousPage: request.Backward ? more : request.After is not null,
            startCursor: () => nodes.Count == 0 ? null : order.CursorOf(nodes[0]),
            endCursor: () => nodes.Count == 0 ? null : order.CursorOf(nodes[^1]));
        return new Connection<T>(nodes, pageInfo, order, count);
    }

    /// <summary>
    /// Pages <paramref name="source"/>: one query for the page, one more only if totalCount is selected. With
    /// <paramref name="projection"/> the page reads only its members and the order's keys. Given the
    /// <paramref name="context"/> <paramref name="source"/> comes from, a cursorless page of a whole set runs as a compiled
    /// query (<see cref="CompiledPages{T}"/>).
    /// </summary>
    public static async Task<Connection<T>> PageAsync<T>(IQueryable<T> source, PageRequest request, KeysetOrder<T> order, CancellationToken cancellationToken, Projection<T>? projection = null, DbContext? context = null)
        where T : class
    {
        var window = context is not null && CompiledPages<T>.Of(context, source, request, order, projection) is { } compiled
            ? await compiled.ToListAsync(cancellationToken).ConfigureAwait(false)
            : await Page(source, request, order, projection).ToListAsync(cancellationToken).ConfigureAwait(false);
        return ToConnection(window, request, order, () => new DeferredResult<int>(ct => source.CountAsync(ct)));
    }

    /// <summary>The <see cref="Window"/> of <paramref name="source"/>, read through <paramref name="projection"/> and the order's keys.</summary>
    internal static IQueryable<T> Page<T>(IQueryable<T> source, PageRequest request, KeysetOrder<T> order, Projection<T>? projection)
    {
        var page = Window(source, request, order);
        return projection is null ? page : projection.With(order.Reads).Apply(page);
    }

    /// <summary>
    /// <see cref="Window"/> for many parents at once: the page of each parent's
    /// <paramref name="children"/> (a collection navigation or a correlated subquery) in one query — EF turns it into a
    /// ROW_NUMBER window or a lateral join — for nested connections loaded through a DataLoader.
    /// <paramref name="filter"/>, if given, applies to the children before windowing: passing the parents'
    /// keys there keeps a ROW_NUMBER window from numbering every child row of the table.
    /// </summary>
    public static IQueryable<T> WindowPerParent<TParent, T>(IQueryable<TParent> parents, Expression<Func<TParent, IEnumerable<T>>> children, Expression<Func<T, bool>>? filter, PageRequest request, KeysetOrder<T> order)
    {
        var page = children.Body;
        if (filter is not null)
            page = Expression.Call(SequenceMethods<T>.Enumerable.Where, page, filter);
        if (request.After is not null)
            page = Expression.Call(SequenceMethods<T>.Enumerable.Where, page, order.Beyond(request.After, before: false));
        if (request.Before is not null)
            page = Expression.Call(SequenceMethods<T>.Enumerable.Where, page, order.Beyond(request.Before, before: true));
        page = order.Sort(page, reverse: request.Backward);
        page = Expression.Call(SequenceMethods<T>.Enumerable.Take, page, Expression.Constant(request.Size + 1));
        // The window numbers rows in order, but the join returns them in any order: sort again.
        return order.Sort(parents.SelectMany(Expression.Lambda<Func<TParent, IEnumerable<T>>>(page, children.Parameters)), reverse: request.Backward);
    }
}
