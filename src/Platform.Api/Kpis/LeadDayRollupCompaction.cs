using Platform.Api.Availability;
using Platform.Data;

namespace Platform.Api.Kpis;

/// <summary>
/// Folds the KPI day rollup rows lead changes append (<see cref="LeadDayRollups.CompactAsync"/>) every 5 minutes, so
/// a report reads about one row per day, dimension and value. Every node compacts; concurrent compactions stay exact.
/// </summary>
public sealed class LeadDayRollupCompaction(IServiceScopeFactory scopes, DatabaseAvailability availability, TimeProvider time, ILogger<LeadDayRollupCompaction> logger)
    : PeriodicDatabaseWork(availability, time, logger, TimeSpan.FromMinutes(5), "The KPI day rollups were not compacted")
{
    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await LeadDayRollups.CompactAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), ct);
    }
}
