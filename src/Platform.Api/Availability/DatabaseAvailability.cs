using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Platform.Api.Availability;

/// <summary>
/// Whether this node can reach its database. Any failure whose cause is a connection failure
/// (<see cref="ConnectionFailures"/>) marks it unavailable; <see cref="DatabaseAvailabilityProbe"/> then tries the
/// database every <see cref="AvailabilityOptions.ProbeInterval"/> and marks it available once it answers. Meanwhile
/// requests are answered with 503 and <c>Retry-After</c> instead of each waiting on the database.
/// </summary>
public sealed class DatabaseAvailability(IOptions<AvailabilityOptions> options, ILogger<DatabaseAvailability> logger)
{
    /// <summary><c>extensions.code</c> of an answer given because the database is unreachable.</summary>
    public const string ErrorCode = "SERVICE_UNAVAILABLE";

    private readonly Lock _gate = new();
    private TaskCompletionSource _lost = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _back = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _available = true;
    private long _lostAt;

    /// <summary>False from the first connection failure until a probe reaches the database again.</summary>
    public bool IsAvailable => _available;

    /// <summary>Seconds a caller should wait before trying again, for <c>Retry-After</c>.</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(options.Value.RetryAfter.TotalSeconds));

    /// <summary>The message of a 503 answer.</summary>
    public string UnavailableMessage => $"The service cannot reach its database at the moment; retry in {RetryAfterSeconds} s.";

    /// <summary>Marks the database unavailable when <paramref name="exception"/> is a connection failure; true if it was one.</summary>
    public bool ReportFailure(Exception exception)
    {
        if (!ConnectionFailures.IsConnectionFailure(exception))
            return false;
        MarkUnavailable(exception);
        return true;
    }

    /// <summary>Marks the database unavailable (logged once per outage, with its first cause) and wakes the probe.</summary>
    public void MarkUnavailable(Exception? cause = null)
    {
        lock (_gate)
        {
            if (!_available)
                return;
            _available = false;
            _lostAt = Stopwatch.GetTimestamp();
            _back = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _lost.TrySetResult();
        }
        logger.LogWarning(cause, "The database is unreachable; answering 503 until a probe reaches it again.");
    }

    /// <summary>Marks the database available again (the probe reached it).</summary>
    public void MarkAvailable()
    {
        TimeSpan outage;
        lock (_gate)
        {
            if (_available)
                return;
            _available = true;
            _lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            outage = Stopwatch.GetElapsedTime(_lostAt);
            _back.TrySetResult();
        }
        logger.LogInformation("The database answers again after {Outage}.", outage);
    }

    /// <summary>Completes once the database is available again (at once if it is): e.g. to write what was kept aside meanwhile.</summary>
    public Task WhenAvailableAsync(CancellationToken ct = default)
    {
        lock (_gate)
            return _available ? Task.CompletedTask : _back.Task.WaitAsync(ct);
    }

    /// <summary>Completes once the database is marked unavailable (at once if it is).</summary>
    internal Task WhenUnavailableAsync(CancellationToken ct)
    {
        lock (_gate)
            return _available ? _lost.Task.WaitAsync(ct) : Task.CompletedTask;
    }
}
