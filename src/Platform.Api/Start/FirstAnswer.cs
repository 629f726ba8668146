namespace Platform.Api.Start;

/// <summary>
/// Completes once this node has answered its first request other than a health check: background work that can wait
/// (the webhook dispatcher's first rounds) starts then, so its first queries, and the compiling of them, do not take
/// the CPU from the first request a load balancer sends to a node it has just seen ready.
/// </summary>
public sealed class FirstAnswer
{
    private readonly TaskCompletionSource _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Whether the node has answered a request other than a health check.</summary>
    public bool HasAnswered => _answered.Task.IsCompleted;

    /// <summary>Waits for the first answer, or <paramref name="atMost"/> on <paramref name="time"/> for a node no one calls.</summary>
    public async Task WaitAsync(TimeSpan atMost, TimeProvider time, CancellationToken ct)
    {
        try
        {
            await _answered.Task.WaitAsync(atMost, time, ct);
        }
        catch (TimeoutException)
        {
        }
    }

    internal void Answered() => _answered.TrySetResult();
}
