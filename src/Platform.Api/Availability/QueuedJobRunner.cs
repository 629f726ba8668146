namespace Platform.Api.Availability;

/// <summary>
/// Works through jobs queued in the database, on every node: at once when this node queued one (<see cref="Wake"/>),
/// else every <see cref="PollInterval"/>, and after the database is back when it was unreachable. Each round runs jobs
/// until none is waiting; claiming one safely among the nodes is the job's own (a lease on its row). A failure to look
/// for jobs is logged and reported, and the next poll tries again.
/// </summary>
public abstract class QueuedJobRunner(DatabaseAvailability availability, TimeProvider time, ILogger logger, string jobs) : BackgroundService
{
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The clock the jobs are timed by.</summary>
    protected TimeProvider Time { get; } = time;

    protected ILogger Logger { get; } = logger;

    protected DateTime Now => Time.GetUtcNow().UtcDateTime;

    /// <summary>False on a node that leaves the jobs to the others (and in tests, which run rounds themselves).</summary>
    protected abstract bool RunInBackground { get; }

    protected abstract TimeSpan PollInterval { get; }

    /// <summary>Looks for work at once: a job was queued.</summary>
    public void Wake() => Interlocked.Exchange(ref _wake, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Claims one job and runs it; false when none is waiting. What the background loop does, in the caller's time.</summary>
    public abstract Task<bool> RunOnceAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!RunInBackground)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wake = Volatile.Read(ref _wake).Task;
            try
            {
                await availability.WhenAvailableAsync(stoppingToken);
                while (await RunOnceAsync(stoppingToken))
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                availability.ReportFailure(e);
                Logger.LogWarning(e, "Looking for {Jobs} failed; retrying at the next poll.", jobs);
            }
            await Task.WhenAny(wake, Task.Delay(PollInterval, Time, stoppingToken));
        }
    }
}
