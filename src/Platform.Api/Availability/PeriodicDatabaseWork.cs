namespace Platform.Api.Availability;

/// <summary>
/// Housekeeping a node runs against the database every <paramref name="interval"/>, once the database answers: a
/// failure is logged (and reported when the connection was lost) and the next round tries again.
/// </summary>
public abstract class PeriodicDatabaseWork(DatabaseAvailability availability, TimeProvider time, ILogger logger, TimeSpan interval, string failure)
    : BackgroundService
{
    /// <summary>The clock the rounds are timed by.</summary>
    protected TimeProvider Time { get; } = time;

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
                    await RunOnceAsync(stoppingToken);
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
}
