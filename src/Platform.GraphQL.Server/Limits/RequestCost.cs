using GraphQL.Execution;

namespace Platform.GraphQL.Server.Limits;

/// <summary>Reports the operation's computed cost and the ceiling in the response's <c>extensions.cost</c>.</summary>
public sealed class RequestCost(RequestLimits limits) : DocumentExecutionListenerBase
{
    /// <summary>The user-context key the limits rule stores the cost under.</summary>
    internal const string UserContextKey = "Platform.GraphQL.Server.Cost";

    public override Task BeforeExecutionAsync(IExecutionContext context)
    {
        if (context.UserContext.TryGetValue(UserContextKey, out var cost))
            context.OutputExtensions["cost"] = new Dictionary<string, object?> { ["requested"] = cost, ["limit"] = limits.MaxCost };
        return Task.CompletedTask;
    }
}
