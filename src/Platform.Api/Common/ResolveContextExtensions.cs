using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Domain;
using Platform.GraphQL.Server.DataLoader;

namespace Platform.Api.Common;

/// <summary>What resolvers reach through the request: the DbContext and the request's data loaders.</summary>
public static class ResolveContextExtensions
{
    public static PlatformDbContext Db(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<PlatformDbContext>();

    public static DataLoaderContext Loaders(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<DataLoaderContext>();

    /// <summary>Loads an entity by id, batched with every other load of its type in the request.</summary>
    public static IDataLoaderResult<TEntity?> LoadById<TEntity>(this IResolveFieldContext context, long id) where TEntity : Entity
    {
        var db = context.Db();
        return context.Loaders()
            .GetOrAdd<long, TEntity>(typeof(TEntity).Name, async (ids, ct) =>
                await db.Set<TEntity>().AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct))
            .Load(id);
    }

    /// <summary>As <see cref="LoadById{TEntity}(IResolveFieldContext, long)"/>, for an optional reference.</summary>
    public static IDataLoaderResult<TEntity?>? LoadById<TEntity>(this IResolveFieldContext context, long? id) where TEntity : Entity =>
        id is null ? null : context.LoadById<TEntity>(id.Value);
}
