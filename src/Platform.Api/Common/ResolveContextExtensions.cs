using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Domain;
using Platform.GraphQL.Server.DataLoader;
using Platform.GraphQL.Server.Projection;

namespace Platform.Api.Common;

/// <summary>What resolvers reach through the request: the DbContext and the request's data loaders.</summary>
public static class ResolveContextExtensions
{
    public static PlatformDbContext Db(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<PlatformDbContext>();

    /// <summary>A text argument compared with stored text, refused as <see cref="TextInputs.Argument(string?, string)"/> says.</summary>
    public static string? TextArgument(this IResolveFieldContext context, string name) =>
        TextInputs.Argument(context.GetArgument<string?>(name), name);

    public static DataLoaderContext Loaders(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<DataLoaderContext>();

    /// <summary>
    /// Loads an entity by id with the columns the field's selection reads, batched with every other load of its type and
    /// projection in the request.
    /// </summary>
    public static IDataLoaderResult<TEntity?> LoadById<TEntity>(this IResolveFieldContext context, long id) where TEntity : Entity
    {
        var db = context.Db();
        var projection = context.Selected<TEntity>();
        return context.Loaders()
            .GetOrAdd<long, TEntity>(projection.Key, async (ids, ct) =>
                await projection.Apply(db.Set<TEntity>().AsNoTracking().Where(e => ids.Contains(e.Id))).ToDictionaryAsync(e => e.Id, ct))
            .Load(id);
    }

    /// <summary>As <see cref="LoadById{TEntity}(IResolveFieldContext, long)"/>, for an optional reference.</summary>
    public static IDataLoaderResult<TEntity?>? LoadById<TEntity>(this IResolveFieldContext context, long? id) where TEntity : Entity =>
        id is null ? null : context.LoadById<TEntity>(id.Value);
}
