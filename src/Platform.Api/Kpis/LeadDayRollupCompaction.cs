using Platform.Api.Availability;
using Platform.Data;

namespace Platform.Api.Kpis;

/// <summary>
/// Folds the KPI day rollup rows lead changes append (<see cref="LeadDayRollups.CompactAsync"/>) every few minutes, so
/// a report reads about one row per day, dimension and value. Every node compacts; concurrent compactions stay exact.
/// </summary>
public sealed class LeadDayRollupCompaction(IServiceScopeFactory scopes, DatabaseAvailability availability, TimeProvider time, ILogger<LeadDayRollupCompaction> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(Interval, time, stoppingToken);
                await availability.WhenAvailableAsync(stoppingToken);
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await LeadDayRollups.CompactAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    availability.ReportFailure(e);
                    logger.LogWarning(e, "The KPI day rollups were not compacted; the next run tries again.");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
