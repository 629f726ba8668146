using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using System.Runtime.CompilerServices;
using Platform.Data;
using Platform.Domain.Clients;
using Platform.Domain.Deals;
using Platform.Domain.Kpis;
using Platform.Domain.Leads;
using Platform.Domain.Orders;

namespace Platform.Api.Kpis;

/// <summary>The <c>Kpis:Cache</c> section: the KPI result cache of this API process.</summary>
public sealed class KpiCacheOptions
{
    public const string Section = "Kpis:Cache";

    /// <summary>Whether KPI results are cached at all (false: every request runs its SQL).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The oldest a cached result may be, in seconds. A write through this process (or, with Redis, another API node)
    /// invalidates at once; this bounds how long a write made elsewhere (another node without Redis, a script on the
    /// database) can go unseen.
    /// </summary>
    [Range(1, 3600)]
    public int MaxAgeSeconds { get; set; } = 60;

    /// <summary>
    /// How long, in seconds, a result may still be served after a write through this process made it stale; 0: never
    /// (the next request after a write recomputes). Default 30 (README, "KPI freshness"): landing pages write leads all
    /// the time, and a report that waited for every one of them would run its SQL on nearly every request; this way each
    /// result is recomputed at most once per period while the others get the previous one.
    /// </summary>
    [Range(0, 3600)]
    public int MaxStalenessSeconds { get; set; } = 30;

    /// <summary>The most KPI rows the cache holds over all its results (memory bound; the least recently used go first).</summary>
    [Range(1, 10_000_000)]
    public int MaxRows { get; set; } = 200_000;
}

/// <summary>
/// The data version of this process: a counter every write through EF Core to a table the cached KPIs read bumps
/// (<see cref="KpiDataVersionInterceptor"/>), and, with Redis, every such write of another node. Cached KPI results are
/// keyed by the version they were computed at, so a result read after a write's commit is never one computed before it.
/// </summary>
public sealed class KpiDataVersion
{
    private long _version;

    /// <summary>Raised on each write of this process, so that other nodes can be told.</summary>
    public event Action? Bumped;

    public long Current => Interlocked.Read(ref _version);

    public void Bump()
    {
        Interlocked.Increment(ref _version);
        Bumped?.Invoke();
    }

    /// <summary>Another node wrote: results cached before are stale here too.</summary>
    public void BumpForWriteElsewhere() => Interlocked.Increment(ref _version);
}

/// <summary>
/// Bumps the <see cref="KpiDataVersion"/> after every write of a <see cref="PlatformDbContext"/> of this process to a table
/// the cached KPIs read: after the save, and again after the commit when the save ran in a transaction (a result
/// computed in between cannot see the uncommitted rows); a non-query command naming such a table (ExecuteUpdate,
/// ExecuteDelete, raw SQL) bumps too. Other writes (tokens, audit log, activities) leave the cache alone.
/// </summary>
internal sealed class KpiDataVersionInterceptor(KpiDataVersion version) : DbCommandInterceptor, ISaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>What the cached KPIs read: leads, clients, orders, and for completeness deals, stages and marketing.</summary>
    private static readonly HashSet<Type> KpiEntities =
        [typeof(Lead), typeof(Client), typeof(Order), typeof(Deal), typeof(PipelineStage), typeof(MarketingPlan), typeof(MarketingSpend)];

    private static readonly string[] KpiTables = ["\"Leads\"", "\"Clients\"", "\"Orders\"", "\"Deals\"", "\"PipelineStages\"", "\"Marketing",
        "[Leads]", "[Clients]", "[Orders]", "[Deals]", "[PipelineStages]", "[Marketing"];

    /// <summary>Contexts with a KPI write not yet known to be committed.</summary>
    private readonly ConditionalWeakTable<DbContext, object> _pending = new();

    private void Saving(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && KpiEntities.Contains(e.Metadata.ClrType)))
            _pending.AddOrUpdate(context, this);
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out _))
            return;
        version.Bump();
        if (context.Database.CurrentTransaction is null)
            _pending.Remove(context);
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && _pending.Remove(context))
            version.Bump();
    }

    private void Executed(DbCommand command, DbContext? context)
    {
        if (!KpiTables.Any(t => command.CommandText.Contains(t, StringComparison.Ordinal)))
            return;
        version.Bump();
        if (context?.Database.CurrentTransaction is not null)
            _pending.AddOrUpdate(context, this);
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Saving(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Saving(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Executed(command, eventData.Context);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Executed(command, eventData.Context);
        return ValueTask.FromResult(result);
    }
}

/// <summary>
/// KPI results of this process, keyed by KPI, range, bucket, grouping and the <see cref="KpiDataVersion"/> read before
/// computing (the plain SQL over a million leads takes longer than a BI dashboard should wait). Freshness: a
/// write through this process, or another node's with Redis, is reflected once the result is
/// <see cref="KpiCacheOptions.MaxStalenessSeconds"/> old; a write elsewhere within <see cref="KpiCacheOptions.MaxAgeSeconds"/>.
/// Bounded by <see cref="KpiCacheOptions.MaxRows"/>. Concurrent requests for the same missing result share one
/// computation. Only unrestricted callers are cached: a partner- or owner-scoped context sees other rows.
/// </summary>
public sealed class KpiCache(IOptions<KpiCacheOptions> options, KpiDataVersion version, TimeProvider time) : IDisposable
{
    /// <summary>A cached result, the data version it was computed at and when that version was read.</summary>
    private sealed record Entry(object Rows, long Version, DateTimeOffset ReadAt);

    private readonly KpiCacheOptions _options = options.Value;
    private readonly MemoryCache _results = new(new MemoryCacheOptions { SizeLimit = options.Value.MaxRows });
    private readonly ConcurrentDictionary<object, Task<object>> _computing = new();

    /// <summary>The cached result of <paramref name="kpi"/> for <paramref name="range"/>, or <paramref name="compute"/>'s, then cached.</summary>
    public async Task<IReadOnlyList<T>> GetOrComputeAsync<T>(
        ICurrentActor? actor, string kpi, KpiRange range, Func<Task<IReadOnlyList<T>>> compute, CancellationToken ct)
    {
        if (!_options.Enabled || actor is null || actor.IsRestricted())
            return await compute();

        // Read before computing: a write committed after this read bumps the version, so the result is never served for it
        // (beyond MaxStalenessSeconds).
        var current = version.Current;
        var readAt = time.GetUtcNow();
        var result = (kpi, range.From, range.To, range.Bucket, range.GroupBy);
        if (_results.TryGetValue(result, out Entry? cached)
            && (cached!.Version == current || (_options.MaxStalenessSeconds > 0 && readAt - cached.ReadAt <= TimeSpan.FromSeconds(_options.MaxStalenessSeconds))))
            return (IReadOnlyList<T>)cached.Rows;

        var key = (result, current);
        var mine = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = _computing.GetOrAdd(key, mine.Task);
        if (running != mine.Task)
        {
            try
            {
                return (IReadOnlyList<T>)await running.WaitAsync(ct);
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                return await compute(); // the sharing request failed or was cancelled: compute for this one
            }
        }

        try
        {
            var rows = await compute();
            // A computation of an older version that finishes late never replaces a newer result.
            if (!_results.TryGetValue(result, out Entry? newer) || newer!.Version <= current)
            {
                _results.Set(result, new Entry(rows, current, readAt), new MemoryCacheEntryOptions
                {
                    Size = rows.Count + 1,
                    AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(_options.MaxAgeSeconds),
                });
            }
            mine.SetResult(rows);
            return rows;
        }
        catch (Exception e)
        {
            mine.SetException(e);
            throw;
        }
        finally
        {
            _computing.TryRemove(new KeyValuePair<object, Task<object>>(key, mine.Task));
        }
    }

    public void Dispose() => _results.Dispose();
}

/// <summary>Registration of the KPI cache.</summary>
public static class KpiCacheRegistration
{
    public static IServiceCollection AddKpiCache(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KpiCacheOptions>().Bind(configuration.GetSection(KpiCacheOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<KpiDataVersion>();
        services.AddSingleton<KpiCache>();
        services.AddSingleton<IInterceptor>(sp => new KpiDataVersionInterceptor(sp.GetRequiredService<KpiDataVersion>()));
        return services;
    }
}
