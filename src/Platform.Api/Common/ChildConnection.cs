using System.Collections.Concurrent;
using System.Linq.Expressions;
using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Platform.Data;
using Platform.Domain;
using Platform.GraphQL.Server.DataLoader;
using Platform.GraphQL.Server.Projection;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Common;

/// <summary>
/// A nested connection field (a lead's activities, a client's contacts…) for a whole page of parents: one query for
/// every parent's page and, only if <c>totalCount</c> is selected, one grouped COUNT — never one query per parent.
/// Declare one per field in a static field of its type: the expressions and the compiled parent key are built once, and
/// a page without a cursor is a query compiled once per model, page size and selection, so such a request neither builds
/// nor looks up its query.
/// </summary>
public sealed class ChildConnection<TParent, TChild>
    where TParent : Entity
    where TChild : Entity
{
    private readonly Expression<Func<TChild, long>> _parentId;
    private readonly Func<TChild, long> _parentIdOf;
    private readonly KeysetOrder<TChild> _order;
    private readonly Projection<TChild> _keys;
    private readonly ParameterExpression _parent = Expression.Parameter(typeof(TParent), "parent");
    private readonly LambdaExpression _ofParent;
    private readonly LambdaExpression _ofParentAsApply;
    private readonly ConcurrentDictionary<(IModel, PageRequest, Projection<TChild>), Func<PlatformDbContext, long[], IAsyncEnumerable<TChild>>> _compiled = new();

    /// <param name="parentId">The child's key of its parent (<c>activity => activity.LeadId!.Value</c>).</param>
    /// <param name="order">The order of each parent's page.</param>
    public ChildConnection(Expression<Func<TChild, long>> parentId, KeysetOrder<TChild> order)
    {
        _parentId = parentId;
        _parentIdOf = parentId.Compile();
        _order = order;
        // Every page holds its parent's key (to group the rows) and the order's keys (for cursors).
        _keys = Projection<TChild>.Reading([parentId]).With(order.Reads);
        Expression key = Expression.Property(_parent, nameof(Entity.Id));
        _ofParent = Expression.Lambda<Func<TChild, bool>>(Expression.Equal(parentId.Body, key), parentId.Parameters);
        // EF Core turns a correlated page whose correlation is a plain column equality into a join on a ROW_NUMBER over
        // every child of the parents. Compared with an expression of the parent's key instead, the page stays a
        // per-parent subquery: PostgreSQL's LATERAL (… LIMIT n) and SQL Server's CROSS APPLY (SELECT TOP(n) …), one
        // index seek per parent in the page's order.
        _ofParentAsApply = Expression.Lambda<Func<TChild, bool>>(Expression.Equal(parentId.Body, Expression.Add(key, Expression.Constant(0L))), parentId.Parameters);
    }

    /// <summary>
    /// The connection of the context's parent, batched with every other parent of the request on this field, page and
    /// selection, reading only the columns the selection needs.
    /// </summary>
    public IDataLoaderResult<Connection<TChild>> Load(IResolveFieldContext<TParent> context)
    {
        // The field's arguments and selection are the same for every parent in the request: worked out for the first.
        var batch = context.Loaders().GetOrAdd((this, context.FieldAst), static args => args.Item1.BatchOf(args.Item2), (this, context));
        var id = context.Source.Id;
        return batch.Rows.Load(id).Then(rows => KeysetPaging.ToConnection(rows ?? [], batch.Page, _order, () => batch.Count(id)));
    }

    private Batch BatchOf(IResolveFieldContext<TParent> context)
    {
        var page = PageRequest.From(context);
        var projection = context.SelectedNodes<TChild>();
        var db = context.Db();
        var loaders = context.Loaders();
        var name = $"{typeof(TParent).Name}.{context.FieldDefinition.Name}";
        var rows = loaders.GetOrAdd<long, IReadOnlyList<TChild>>($"{name} {page} {projection.Key}", async (ids, ct) =>
        {
            var rows = page.After is null && page.Before is null
                ? await Compiled(db, page, projection)(db, [.. ids]).ToListAsync(ct)
                : await Pages(db, ids, page, projection).ToListAsync(ct);
            return rows.GroupBy(_parentIdOf).ToDictionary(g => g.Key, g => (IReadOnlyList<TChild>)g.ToList());
        });
        return new Batch(page, rows, id => loaders
            .GetOrAdd<long, int>($"{name}.count", async (ids, ct) =>
                await db.Set<TChild>().AsNoTracking().Where(In(Captured(ids)))
                    .GroupBy(_parentId)
                    .Select(g => new { g.Key, Count = g.Count() })
                    .ToDictionaryAsync(x => x.Key, x => x.Count, ct))
            .Load(id));
    }

    /// <summary>What the parents of one field in a request share: the page asked for, its rows' loader, and the count's.</summary>
    private sealed record Batch(PageRequest Page, BatchLoader<long, IReadOnlyList<TChild>> Rows, Func<long, IDataLoaderResult<int>> Count);

    /// <summary>
    /// The page (plus one row) of each parent in <paramref name="parentIds"/>, in the order: per parent a LATERAL or
    /// CROSS APPLY subquery, or on SQLite (which has neither) a ROW_NUMBER window over the parents' children; only the
    /// columns of <paramref name="projection"/>, the parent key and the order's keys.
    /// </summary>
    public IQueryable<TChild> Pages(PlatformDbContext db, IReadOnlyList<long> parentIds, PageRequest page, Projection<TChild> projection) =>
        Pages(db, Captured(parentIds), page, projection);

    /// <summary><see cref="Pages(PlatformDbContext, IReadOnlyList{long}, PageRequest, Projection{TChild})"/> of the parents <paramref name="ids"/> names.</summary>
    private IQueryable<TChild> Pages(PlatformDbContext db, Expression ids, PageRequest page, Projection<TChild> projection)
    {
        var parent = Expression.Parameter(typeof(TParent), "parent");
        var parents = db.Set<TParent>().Where(Expression.Lambda<Func<TParent, bool>>(Contains(ids, Expression.Property(parent, nameof(Entity.Id))), parent));
        var apply = db is not SqliteDbContext;
        var children = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(TChild)],
            ((IQueryable)db.Set<TChild>()).Expression, Expression.Quote(apply ? _ofParentAsApply : _ofParent));
        // The window numbers only the parents' children when told their keys, not every child in the table.
        var filter = apply ? null : In(ids);
        return projection.With(_keys).Apply(KeysetPaging.WindowPerParent(parents, Expression.Lambda<Func<TParent, IEnumerable<TChild>>>(children, _parent), filter, page, _order).AsNoTracking());
    }

    /// <summary>
    /// The pages of a cursorless <paramref name="page"/> as a compiled query of the context and the parents' ids: EF Core
    /// then neither walks nor hashes the query's expression on each request. One per model, since partners and managers
    /// query through filtered models.
    /// </summary>
    private Func<PlatformDbContext, long[], IAsyncEnumerable<TChild>> Compiled(PlatformDbContext db, PageRequest page, Projection<TChild> projection) =>
        _compiled.GetOrAdd((db.Model, page, projection), static (_, args) =>
        {
            var (self, db, page, projection) = args;
            var context = Expression.Parameter(typeof(PlatformDbContext), "db");
            var ids = Expression.Parameter(typeof(long[]), "parentIds");
            var query = new QueryRoots(context).Visit(self.Pages(db, ids, page, projection).Expression);
            return EF.CompileAsyncQuery(Expression.Lambda<Func<PlatformDbContext, long[], IQueryable<TChild>>>(query, context, ids));
        }, (this, db, page, projection));

    /// <summary>child => ids.Contains(parentId(child)), with the ids sent as one query parameter.</summary>
    private Expression<Func<TChild, bool>> In(Expression ids)
    {
        Expression contains = Contains(ids, _parentId.Body);
        // A nullable key (activity.LeadId!.Value) said non-null first: otherwise EF also matches a null key against the
        // ids (PostgreSQL: OR (key IS NULL AND array_position(ids, NULL) IS NOT NULL)), which no index answers.
        if (_parentId.Body is MemberExpression { Member.Name: nameof(Nullable<long>.Value), Expression: { } nullable } && Nullable.GetUnderlyingType(nullable.Type) is not null)
            contains = Expression.AndAlso(Expression.NotEqual(nullable, Expression.Constant(null, nullable.Type)), contains);
        return Expression.Lambda<Func<TChild, bool>>(contains, _parentId.Parameters);
    }

    /// <summary>The ids as a closure field, which EF Core sends as one parameter, not as a constant it would inline.</summary>
    private static Expression Captured(IReadOnlyList<long> parentIds)
    {
        Expression<Func<IReadOnlyList<long>>> captured = () => parentIds;
        return captured.Body;
    }

    private static Expression Contains(Expression ids, Expression id) =>
        Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(long)], ids, id);
}
