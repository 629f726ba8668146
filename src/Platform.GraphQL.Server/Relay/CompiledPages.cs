using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Platform.GraphQL.Server.Projection;

namespace Platform.GraphQL.Server.Relay;

/// <summary>
/// The first or last page of a whole entity set (no filter, no cursor: a list's commonest page) as an EF Core compiled
/// query, one per model, order, page size and projection, so such a request neither builds its query's expression nor
/// has EF Core walk and hash it. One per model, since a context's model may carry its caller's filters.
/// </summary>
internal static class CompiledPages<T> where T : class
{
    private static readonly ConcurrentDictionary<(IModel, KeysetOrder<T>, int, bool, Projection<T>?), Func<DbContext, IAsyncEnumerable<T>>> Queries = new();

    /// <summary>The rows of the page, or null when <paramref name="source"/> is not a whole set or the page has a cursor.</summary>
    public static IAsyncEnumerable<T>? Of(DbContext context, IQueryable<T> source, PageRequest request, KeysetOrder<T> order, Projection<T>? projection)
    {
        if (request.After is not null || request.Before is not null || !IsWholeSet(source.Expression))
            return null;
        var query = Queries.GetOrAdd((context.Model, order, request.Size, request.Backward, projection), static (_, page) =>
        {
            var db = Expression.Parameter(typeof(DbContext), "db");
            var body = new QueryRoots(db).Visit(KeysetPaging.Page(page.source, page.request, page.order, page.projection).Expression);
            return EF.CompileAsyncQuery(Expression.Lambda<Func<DbContext, IQueryable<T>>>(body, db));
        }, (source, request, order, projection));
        return query(context);
    }

    private static bool IsWholeSet(Expression query) => query is EntityQueryRootExpression
        || query is MethodCallExpression { Method.Name: nameof(EntityFrameworkQueryableExtensions.AsNoTracking), Arguments: [EntityQueryRootExpression] };
}
