using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Platform.Data.Outbox;

namespace Platform.Data;

/// <summary>Registers the platform database.</summary>
public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PlatformDbContext"/> (scoped, rented from a pool for the scope's <see cref="ICurrentActor"/>) on
    /// the engine named by the <c>Database</c> section (<see cref="DatabaseOptions"/>, validated at start-up), backed by
    /// <see cref="SqliteDbContext"/>, <see cref="PostgresDbContext"/> or
    /// <see cref="SqlServerDbContext"/>; <see cref="TimeProvider.System"/> and the default <see cref="ICurrentActor"/>
    /// (<see cref="SystemActor"/>) unless already registered. Every <see cref="IInterceptor"/> in DI (a singleton:
    /// the options are built once) is added to the contexts, plus the outbox's interceptors, the <see cref="AuditStampInterceptor"/>
    /// and, after it, the <see cref="KpiRollupInterceptor"/>. The provider is read
    /// when the first context is created, so configuration added after this call still counts.
    /// </summary>
    public static IServiceCollection AddPlatformData(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<ICurrentActor, SystemActor>();
        services.TryAddSingleton<AuditStampInterceptor>();
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<OutboxInterceptor>();
        services.TryAddSingleton<OutboxCommitInterceptor>();
        services.TryAddSingleton<KpiRollupInterceptor>();

        services.AddOptions<DatabaseOptions>()
            .Configure(options => DatabaseOptions.Bind(configuration, options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>());

        // Options built once (singleton), contexts pooled per kind of caller (PlatformDbContextPools): a request's context
        // costs neither options building nor EF Core's services. The scoped part, the caller, is given to the context on rent.
        services.TryAddSingleton(sp => Options<SqliteDbContext>(sp, DatabaseProvider.Sqlite));
        services.TryAddSingleton(sp => Options<PostgresDbContext>(sp, DatabaseProvider.Postgres));
        services.TryAddSingleton(sp => Options<SqlServerDbContext>(sp, DatabaseProvider.SqlServer));
        services.TryAddSingleton(sp => new PlatformDbContextPools(sp, Options(sp).ProviderKind));
        services.TryAddScoped(sp => sp.GetRequiredService<PlatformDbContextPools>().Rent(sp.GetRequiredService<ICurrentActor>()));
        return services;
    }

    /// <summary>
    /// A <see cref="PlatformDbContext"/> of the configured provider, from the same pools as the requests', that works for
    /// <paramref name="actor"/> instead of the scope's <see cref="ICurrentActor"/> (work done outside a request on behalf of
    /// others). The caller disposes it, which gives it back.
    /// </summary>
    public static PlatformDbContext CreatePlatformDbContext(this IServiceProvider services, ICurrentActor actor) =>
        services.GetRequiredService<PlatformDbContextPools>().Rent(actor);

    private static readonly ActorKindGuard ActorKindGuard = new();

    private static DatabaseOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;

    private static DbContextOptions<TContext> Options<TContext>(IServiceProvider sp, DatabaseProvider provider) where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>().UseApplicationServiceProvider(sp);
        Configure(sp, builder, provider);
        return builder.Options;
    }

    private static void Configure(IServiceProvider sp, DbContextOptionsBuilder builder, DatabaseProvider expected)
    {
        var options = Options(sp);
        if (options.ProviderKind != expected)
        {
            throw new InvalidOperationException(
                $"The {expected} context was requested but {DatabaseOptions.SectionName}:Provider is {options.ProviderKind}; resolve {nameof(PlatformDbContext)} instead.");
        }

        var connectionString = options.ResolveConnectionString();
        // Id lists (DataLoader batches) go as one array/JSON parameter: one statement text and one
        // plan whatever the batch size, instead of EF 10's default of one parameter per id.
        switch (expected)
        {
            case DatabaseProvider.Sqlite:
                DatabaseOptions.EnsureSqliteDirectory(connectionString);
                builder.UseSqlite(connectionString, sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(connectionString, npgsql => npgsql.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
                builder.ReplaceService<Microsoft.EntityFrameworkCore.Migrations.IHistoryRepository, PostgresHistoryRepository>();
                break;
            case DatabaseProvider.SqlServer:
                builder.UseSqlServer(connectionString, sqlServer => sqlServer.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
                break;
        }

        // The check that a context is not used by two threads at once writes an AsyncLocal for every row read (a tenth
        // of a GraphQL read's allocations). A context is the scope's (one request's, run serially) or a background job's own.
        builder.EnableThreadSafetyChecks(false);
        builder.ReplaceService<IModelCacheKeyFactory, PartnerScopedModelCacheKeyFactory>();
        builder.AddInterceptors(sp.GetServices<IInterceptor>().Where(i => i is not (AuditStampInterceptor or OutboxInterceptor or OutboxCommitInterceptor or KpiRollupInterceptor)));
        // The outbox reads the versions the stamps are about to set, so it runs first; the rollups read the creation
        // time the stamps set.
        builder.AddInterceptors(sp.GetRequiredService<OutboxInterceptor>(), sp.GetRequiredService<AuditStampInterceptor>(),
            sp.GetRequiredService<KpiRollupInterceptor>(), sp.GetRequiredService<OutboxCommitInterceptor>(), ActorKindGuard);
    }
}
