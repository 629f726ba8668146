using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Data;

/// <summary>
/// The contexts of requests and background work, pooled: a pooled context keeps EF Core's services (change tracker, query compiler and the rest) from one
/// use to the next, where a new one builds them for every request. A pooled context also keeps its model, which differs by
/// <see cref="ActorKind"/>, so there is one pool per kind. The unrestricted pool's model is compiled
/// (<c>CompiledModels/</c>, <c>scripts/compile-models.sh</c>): loading it instead of building it takes most of the model's
/// cost off a node's start, whose first contexts (migrations check, token validation, most clients) are unrestricted.
/// EF Core cannot compile query filters, so the partner and manager models are built at their first use.
/// </summary>
internal sealed class PlatformDbContextPools
{
    private readonly Func<PlatformDbContext>[] pools;

    public PlatformDbContextPools(IServiceProvider services, DatabaseProvider provider)
    {
        pools = [.. Enum.GetValues<ActorKind>().Select(kind => provider switch
        {
            DatabaseProvider.Postgres => Pool<PostgresDbContext>(services, kind, () => CompiledModels.Postgres.PostgresDbContextModel.Instance),
            DatabaseProvider.SqlServer => Pool<SqlServerDbContext>(services, kind, () => CompiledModels.SqlServer.SqlServerDbContextModel.Instance),
            _ => Pool<SqliteDbContext>(services, kind, () => CompiledModels.Sqlite.SqliteDbContextModel.Instance),
        })];
    }

    /// <summary>A context working for <paramref name="actor"/>; disposing it gives it back.</summary>
    public PlatformDbContext Rent(ICurrentActor actor)
    {
        var db = pools[(int)ActorKinds.Of(actor)]();
        db.WorkFor(actor);
        return db;
    }

    private static Func<PlatformDbContext> Pool<TContext>(IServiceProvider services, ActorKind kind, Func<IModel> compiledModel)
        where TContext : PlatformDbContext
    {
        var options = services.GetRequiredService<DbContextOptions<TContext>>();
        if (kind == ActorKind.Unrestricted)
            options = new DbContextOptionsBuilder<TContext>(options).UseModel(compiledModel()).Options;
        var factory = new PooledDbContextFactory<TContext>(options);
        return factory.CreateDbContext;
    }
}
