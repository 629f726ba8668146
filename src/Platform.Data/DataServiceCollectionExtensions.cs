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
    /// Registers <see cref="PlatformDbContext"/> (scoped) on the engine named by the
    /// <c>Database</c> section (<see cref="DatabaseOptions"/>, validated at start-up), backed by
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

        // Options built once (singleton): a context per request then costs no options building nor internal service
        // provider lookup. The scoped part, the caller, is injected into the context itself (PlatformDbContext.Actor).
        services.AddDbContext<SqliteDbContext>((sp, builder) => Configure(sp, builder, DatabaseProvider.Sqlite), ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        services.AddDbContext<PostgresDbContext>((sp, builder) => Configure(sp, builder, DatabaseProvider.Postgres), ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        services.AddDbContext<SqlServerDbContext>((sp, builder) => Configure(sp, builder, DatabaseProvider.SqlServer), ServiceLifetime.Scoped, ServiceLifetime.Singleton);

        services.TryAddScoped<PlatformDbContext>(sp => Options(sp).ProviderKind switch
        {
            DatabaseProvider.Postgres => sp.GetRequiredService<PostgresDbContext>(),
            DatabaseProvider.SqlServer => sp.GetRequiredService<SqlServerDbContext>(),
            _ => sp.GetRequiredService<SqliteDbContext>(),
        });
        return services;
    }

    /// <summary>
    /// A new <see cref="PlatformDbContext"/> of the configured provider that works for <paramref name="actor"/> instead of the
    /// scope's <see cref="ICurrentActor"/> (work done outside a request on behalf of others). The caller disposes it.
    /// </summary>
    public static PlatformDbContext CreatePlatformDbContext(this IServiceProvider services, ICurrentActor actor) => Options(services).ProviderKind switch
    {
        DatabaseProvider.Postgres => ActivatorUtilities.CreateInstance<PostgresDbContext>(services, actor),
        DatabaseProvider.SqlServer => ActivatorUtilities.CreateInstance<SqlServerDbContext>(services, actor),
        _ => ActivatorUtilities.CreateInstance<SqliteDbContext>(services, actor),
    };

    private static DatabaseOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;

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
            sp.GetRequiredService<KpiRollupInterceptor>(), sp.GetRequiredService<OutboxCommitInterceptor>());
    }
}
