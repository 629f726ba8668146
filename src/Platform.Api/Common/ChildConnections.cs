using System.Linq.Expressions;
using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.GraphQL.Server.DataLoader;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Common;

/// <summary>
/// Nested connections (a lead's activities, a client's contacts…) for a whole page of parents:
/// one windowed query for every parent's page and, only if <c>totalCount</c> is selected, one
/// grouped COUNT — never one query per parent.
/// </summary>
public static class ChildConnections
{
    public static IDataLoaderResult<Connection<TChild>> LoadChildren<TParent, TChild>(
        this IResolveFieldContext<TParent> context,
        Expression<Func<TParent, IEnumerable<TChild>>> children,
        Expression<Func<TChild, long>> parentId,
        KeysetOrder<TChild> order)
        where TParent : Entity
        where TChild : Entity
    {
        var page = PageRequest.From(context);
        var db = context.Db();
        var name = $"{typeof(TParent).Name}.{context.FieldDefinition.Name}";
        return context.Loaders()
            .GetOrAdd<long, IReadOnlyList<TChild>>($"{name} {page}", async (ids, ct) =>
            {
                var parents = db.Set<TParent>().Where(parent => ids.Contains(parent.Id));
                var rows = await KeysetPaging.WindowPerParent(parents, children, In(parentId, ids), page, order).AsNoTracking().ToListAsync(ct);
                return rows.GroupBy(parentId.Compile()).ToDictionary(g => g.Key, g => (IReadOnlyList<TChild>)g.ToList());
            })
            .Load(context.Source.Id)
            .Then(rows => KeysetPaging.ToConnection(rows ?? [], page, order, () => context.Loaders()
                .GetOrAdd<long, int>($"{name}.count", async (ids, ct) =>
                    await db.Set<TChild>().Where(In(parentId, ids))
                        .GroupBy(parentId)
                        .Select(g => new { g.Key, Count = g.Count() })
                        .ToDictionaryAsync(x => x.Key, x => x.Count, ct))
                .Load(context.Source.Id)));
    }

    /// <summary>child => ids.Contains(parentId(child)), with the ids sent as one query parameter.</summary>
    private static Expression<Func<TChild, bool>> In<TChild>(Expression<Func<TChild, long>> parentId, IReadOnlyList<long> ids)
    {
        Expression<Func<IReadOnlyList<long>>> captured = () => ids; // a closure field, not a constant EF would inline
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(long)], captured.Body, parentId.Body);
        return Expression.Lambda<Func<TChild, bool>>(contains, parentId.Parameters);
    }
}
