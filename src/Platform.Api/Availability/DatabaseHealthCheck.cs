using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Platform.Data;

namespace Platform.Api.Availability;

/// <summary>
/// Readiness: whether the database answers a connection within <see cref="AvailabilityOptions.ProbeTimeout"/>. A node
/// that cannot reach it is <b>degraded</b>, not unhealthy: it still takes form posts into its spool, so a load balancer
/// must keep sending them (an unhealthy answer on every node at once would turn an outage into lost forms). A database
/// that lacks migrations of this version is unhealthy: the node cannot serve it (and stops once it notices at start).
/// </summary>
internal sealed class DatabaseHealthCheck(IServiceScopeFactory scopes, DatabaseAvailability availability, IOptions<AvailabilityOptions> options)
    : IHealthCheck
{
    /// <summary>Set once the database had every migration of this version: migrations are never taken back, so it is not asked again.</summary>
    private volatile bool _migrated;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (!availability.IsAvailable)
            return Unreachable();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.ProbeTimeout);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            if (await db.Database.CanConnectAsync(timeout.Token))
            {
                if (!_migrated && (await db.Database.GetPendingMigrationsAsync(timeout.Token)).Any())
                    return HealthCheckResult.Unhealthy("The database lacks migrations of this version; run the migrate command.");
                _migrated = true;
                return HealthCheckResult.Healthy("The database answers.");
            }
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            availability.ReportFailure(e);
        }
        return Unreachable();
    }

    private static HealthCheckResult Unreachable() =>
        HealthCheckResult.Degraded("The database is unreachable: forms are kept in this node's spool, other requests get 503.");
}
