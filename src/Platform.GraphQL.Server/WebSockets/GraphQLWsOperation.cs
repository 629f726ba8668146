namespace Platform.GraphQL.Server.WebSockets;

/// <summary>
/// One operation a <c>subscribe</c> started. It ends once: by its stream (completed or failed), by the client's
/// <c>complete</c> or by the socket closing; whoever ends it decides what, if anything, is sent.
/// </summary>
internal sealed class GraphQLWsOperation(string id)
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Id { get; } = id;

    public CancellationToken Cancellation => _cancellation.Token;

    /// <summary>Completes when the operation ended, however.</summary>
    public Task Ended => _ended.Task;

    public bool HasEnded => _ended.Task.IsCompleted;

    /// <summary>Ends the operation; false when it had ended already.</summary>
    public bool TryEnd() => _ended.TrySetResult();

    /// <summary>Ends the operation from outside and stops whatever of it still runs.</summary>
    public void Cancel()
    {
        TryEnd();
        _cancellation.Cancel();
    }
}
