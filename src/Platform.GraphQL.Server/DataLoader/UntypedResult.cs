namespace Platform.GraphQL.Server.DataLoader;

/// <summary>The untyped view of a typed result task, which is what the execution engine awaits.</summary>
internal static class UntypedResult
{
    /// <summary><paramref name="result"/> as <c>Task&lt;object?&gt;</c>; a completed one without an async state machine.</summary>
    public static Task<object?> Of<T>(Task<T> result) => result.IsCompletedSuccessfully ? Task.FromResult<object?>(result.Result) : OfAsync(result);

    private static async Task<object?> OfAsync<T>(Task<T> result) => await result.ConfigureAwait(false);
}
