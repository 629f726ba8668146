using Platform.Api.Availability;
using Platform.Data;

namespace Platform.Api.Kpis;

/// <summary>
/// Folds the KPI rollup rows lead and order changes append (<see cref="LeadDayRollups.CompactAsync"/>,
/// <see cref="LeadConversionRollups.CompactAsync"/>, <see cref="OrderMonthRollups.CompactAsync"/>,
/// <see cref="RevenueRollups.CompactAsync"/>) every 5 minutes, so a report reads about one row per key. One node of a
/// fleet compacts at a time (a lease); concurrent compactions would stay exact all the same.
/// </summary>
public sealed class KpiRollupCompaction(IServiceScopeFactory scopes, DatabaseAvailability availability, TimeProvider time, ILogger<KpiRollupCompaction> logger)
    : PeriodicDatabaseWork(scopes, availability, time, logger, TimeSpan.FromMinutes(5), "The KPI rollups were not compacted")
{
    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await LeadDayRollups.CompactAsync(db, ct);
        await LeadConversionRollups.CompactAsync(db, ct);
        await OrderMonthRollups.CompactAsync(db, ct);
        await RevenueRollups.CompactAsync(db, ct);
    }
}
