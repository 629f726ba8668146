namespace Platform.Data.Outbox;

/// <summary>
/// Tells readers of the outbox in this process that a transaction that wrote outbox rows committed, so they read at
/// once instead of at their next poll (changes committed by other processes are found by the poll).
/// </summary>
public sealed class OutboxSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next commit of outbox rows.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    /// <summary>Outbox rows were committed.</summary>
    public void Pulse() => Interlocked.Exchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
