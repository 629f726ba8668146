using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Data;

/// <summary>
/// The contexts of requests and background work, pooled: a pooled context keeps EF Core's services (change tracker, query compiler and the rest) from one
/// use to the next, where a new one builds them for every request. A pooled context also keeps its model, which differs by
/// <see cref="ActorKind"/>, so there is one pool per kind.
/// </summary>
internal sealed class PlatformDbContextPools
{
    private readonly Func<PlatformDbContext>[] pools;

    public PlatformDbContextPools(IServiceProvider services, DatabaseProvider provider)
    {
        pools = [.. Enum.GetValues<ActorKind>().Select(_ => provider switch
        {
            DatabaseProvider.Postgres => Pool<PostgresDbContext>(services),
            DatabaseProvider.SqlServer => Pool<SqlServerDbContext>(services),
            _ => Pool<SqliteDbContext>(services),
        })];
    }

    /// <summary>A context working for <paramref name="actor"/>; disposing it gives it back.</summary>
    public PlatformDbContext Rent(ICurrentActor actor)
    {
        var db = pools[(int)ActorKinds.Of(actor)]();
        db.WorkFor(actor);
        return db;
    }

    private static Func<PlatformDbContext> Pool<TContext>(IServiceProvider services) where TContext : PlatformDbContext
    {
        var factory = new PooledDbContextFactory<TContext>(services.GetRequiredService<DbContextOptions<TContext>>());
        return factory.CreateDbContext;
    }
}
