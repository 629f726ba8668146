using System.Diagnostics;
using System.Diagnostics.Metrics;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser;
using GraphQLParser.AST;
using Platform.GraphQL.Server.Limits;

namespace Platform.GraphQL.Server.Telemetry;

/// <summary>
/// One span and the measurements of each GraphQL operation served over HTTP: its name and type, trusted document id and
/// errors. Costs nothing beyond two checks when neither the span nor the metrics have a listener.
/// </summary>
internal sealed class OperationTelemetry
{
    private const string NameTag = "graphql.operation.name";
    private const string TypeTag = "graphql.operation.type";

    private readonly Histogram<double> _duration;
    private readonly Counter<long> _errors;
    private readonly Counter<long> _cost;

    public OperationTelemetry(IMeterFactory meters)
    {
        var meter = meters.Create(GraphQLTelemetry.Name);
        _duration = meter.CreateHistogram("graphql.server.operation.duration", "s", "How long GraphQL operations took, from parsing to the result.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
        _errors = meter.CreateCounter<long>("graphql.server.operation.errors", "{operation}", "GraphQL operations that ended with errors.");
        _cost = meter.CreateCounter<long>("graphql.server.operation.cost", "{cost}", "Cost charged to GraphQL operations (each field one per item its enclosing lists may return).");
    }

    /// <summary>The operation's span, when traced, and its start, when its duration is measured (else 0).</summary>
    public (Activity? Span, long Started) Start() =>
        (GraphQLTelemetry.Source.StartActivity("graphql.operation"), _duration.Enabled ? Stopwatch.GetTimestamp() : 0);

    /// <summary>Tags the span (the caller ends it) with the outcome of <paramref name="request"/> and records its measurements.</summary>
    public void Stop(Activity? span, long started, GraphQLRequest request, ExecutionOptions options, ExecutionResult result)
    {
        if (span is null && started == 0 && !_errors.Enabled && !_cost.Enabled)
            return;
        // A request refused by validation has no result operation, but its document names it.
        var operation = result.Operation ?? result.Document?.OperationWithName(request.OperationName);
        var type = operation is null ? null : TypeOf(operation.Operation);
        // A request that never got as far as selecting its operation is named as it asked.
        var name = operation?.Name?.StringValue ?? request.OperationName;
        var errors = result.Errors?.Count ?? 0;
        var errorType = errors > 0 ? result.Errors![0].Code ?? "ERROR" : null;
        if (span is not null)
        {
            span.DisplayName = type is null ? "graphql.operation" : name is null ? type : $"{type} {name}";
            span.SetTag(TypeTag, type);
            span.SetTag(NameTag, name);
            span.SetTag("graphql.document.id", request.DocumentId);
            span.SetTag("graphql.error.count", errors);
            if (errorType is not null)
            {
                span.SetTag("error.type", errorType);
                span.SetStatus(ActivityStatusCode.Error, result.Errors![0].Message);
            }
        }

        var tags = new TagList { { TypeTag, type }, { NameTag, name } };
        if (started != 0)
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        if (options.UserContext.TryGetValue(RequestCost.UserContextKey, out var cost) && cost is long charged)
            _cost.Add(charged, tags);
        if (errorType is not null)
        {
            tags.Add("error.type", errorType);
            _errors.Add(1, tags);
        }
    }

    private static string TypeOf(OperationType type) => type switch
    {
        OperationType.Query => "query",
        OperationType.Mutation => "mutation",
        _ => "subscription",
    };
}
