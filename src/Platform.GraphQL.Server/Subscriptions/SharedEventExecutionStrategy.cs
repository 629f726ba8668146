using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace Platform.GraphQL.Server.Subscriptions;

/// <summary>
/// Executes subscriptions like GraphQL.NET does, except that on a field marked with
/// <see cref="SharedEventResults.ShareEventResults"/> one event object is executed once per document, operation and
/// variables: every subscriber that receives the same object with the same request gets the same result (and the
/// transport serializes it once). Which events reach a subscriber is still decided by its own stream.
/// </summary>
public sealed class SharedEventExecutionStrategy : SubscriptionExecutionStrategy
{
    // Per event object, as long as it lives: its result per request.
    private readonly ConditionalWeakTable<object, ConcurrentDictionary<string, Task<ExecutionResult>>> _results = new();
    // Per subscription: the request its results are shared by; null when its variables cannot be compared.
    private readonly ConditionalWeakTable<ExecutionNode, StrongBox<string?>> _keys = new();

    protected override ValueTask<ExecutionResult> ProcessDataAsync(ExecutionContext context, ExecutionNode node, object? value)
    {
        if (value is null || node.FieldDefinition?.SharesEventResults() != true || _keys.GetValue(node, n => new(KeyOf(context, n))).Value is not { } key)
            return base.ProcessDataAsync(context, node, value);
        var results = _results.GetValue(value, _ => new ConcurrentDictionary<string, Task<ExecutionResult>>());
        return new(results.TryGetValue(key, out var shared) ? shared : results.GetOrAdd(key, _ =>
        {
            // The result is everyone's: one subscriber leaving must not cancel it.
            context.CancellationToken = CancellationToken.None;
            return base.ProcessDataAsync(context, node, value).AsTask();
        }));
    }

    private static string? KeyOf(ExecutionContext context, ExecutionNode node)
    {
        string variables;
        try
        {
            variables = JsonSerializer.Serialize(context.Variables.ToDictionary(v => v.Name, v => v.Value));
        }
        catch (Exception exception) when (exception is NotSupportedException or JsonException)
        {
            return null;
        }
        return string.Join('\n', context.Operation.Name?.StringValue, node.Name, variables, context.Document.Source.ToString());
    }
}
