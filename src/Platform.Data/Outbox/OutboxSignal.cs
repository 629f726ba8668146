namespace Platform.Data.Outbox;

/// <summary>
/// Tells readers of the outbox in this process that a transaction that wrote outbox rows committed, so they read at
/// once instead of at their next poll: this process's commits (<see cref="Pulse"/>), and other processes' when they are
/// announced (<see cref="Wake"/>, through Redis); those not announced are found by the poll.
/// </summary>
public sealed class OutboxSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Raised when this process committed outbox rows, so that other processes can be told.</summary>
    public event Action? Committed;

    /// <summary>Completes at the next commit of outbox rows.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    /// <summary>This process committed outbox rows.</summary>
    public void Pulse()
    {
        Wake();
        Committed?.Invoke();
    }

    /// <summary>Another process committed outbox rows.</summary>
    public void Wake() => Interlocked.Exchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
