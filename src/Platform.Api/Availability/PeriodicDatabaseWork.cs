using Platform.Data;
using Platform.Data.Leases;

namespace Platform.Api.Availability;

/// <summary>
/// Housekeeping against the database every <paramref name="interval"/>, once the database answers, done by one node of
/// a fleet at a time: each round the node takes or renews the work's lease (<see cref="DatabaseLeases"/>) and runs only
/// while it holds it. The holder releases it when it stops, so another node takes over at its next round; a holder that
/// dies is replaced once its lease (<see cref="LeaseTime"/>) expires. A failure is logged (and reported when the
/// connection was lost) and the next round tries again.
/// </summary>
public abstract class PeriodicDatabaseWork(
    IServiceScopeFactory scopes, DatabaseAvailability availability, TimeProvider time, ILogger logger, TimeSpan interval, string failure)
    : BackgroundService
{
    /// <summary>This node's hold on the lease.</summary>
    private readonly string _holder = Guid.NewGuid().ToString("N");

    private bool _holding;

    /// <summary>Where a round gets its database context.</summary>
    protected IServiceScopeFactory Scopes { get; } = scopes;

    /// <summary>The clock the rounds are timed by.</summary>
    protected TimeProvider Time { get; } = time;

    /// <summary>How long a lease lasts: two rounds, so the holder renews it in time.</summary>
    internal TimeSpan LeaseTime => interval * 2;

    private string LeaseName => GetType().Name;

    /// <summary>One round of the work.</summary>
    protected abstract Task RunOnceAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(interval, Time, stoppingToken);
                await availability.WhenAvailableAsync(stoppingToken);
                try
                {
                    await RunRoundAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    availability.ReportFailure(e);
                    logger.LogWarning(e, "{Failure}; the next round tries again.", failure);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Runs a round if this node holds (or can take) the lease; false when another node holds it.</summary>
    internal async Task<bool> RunRoundAsync(CancellationToken ct)
    {
        await using (var scope = Scopes.CreateAsyncScope())
        {
            var now = Time.GetUtcNow().UtcDateTime;
            _holding = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().TryTakeLeaseAsync(LeaseName, _holder, now, now + LeaseTime, ct);
        }
        if (_holding)
            await RunOnceAsync(ct);
        return _holding;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (!_holding || !availability.IsAvailable)
            return;
        try
        {
            await using var scope = Scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().ReleaseLeaseAsync(LeaseName, _holder, cancellationToken);
            _holding = false;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The lease of {Work} was not released; another node takes it over when it expires.", LeaseName);
        }
    }
}
