using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace Platform.GraphQL.Server.Execution;

/// <summary>
/// GraphQL.NET's serial execution, except that the fields an object's selection set selects are collected once per
/// selection set and object type rather than once per object: a page of 50 leads with 5 activities each would otherwise
/// merge fragments and look up every field definition by name 300 times per request. Only selection sets without
/// <c>@skip</c>/<c>@include</c> (whose outcome depends on the variables) are remembered; the cache lives as long as the
/// parsed document does.
/// </summary>
public sealed class SelectionCachingExecutionStrategy : SerialExecutionStrategy
{
    private readonly ConditionalWeakTable<GraphQLSelectionSet, Selected?> _selected = new();

    protected override void SetSubFieldNodes(ExecutionContext context, ObjectExecutionNode parent)
    {
        var type = parent.GetObjectGraphType(context.Schema) ?? parent.GraphType;
        Selected? selected = null;
        // Whether a selection set has directives is worked out once; null marks one that has (never cached).
        if (parent.SelectionSet is { } selectionSet && !_selected.TryGetValue(selectionSet, out selected))
            selected = _selected.GetValue(selectionSet, set => HasDirectives(context, set) ? null : new Selected());
        if (selected is null || !selected.ByType.TryGetValue(type, out var fields))
        {
            base.SetSubFieldNodes(context, parent);
            if (selected is not null && parent.SubFields is { } nodes)
                selected.ByType.TryAdd(type, [.. nodes.Select(node => (node.Field, node.FieldDefinition))]);
            return;
        }
        var subFields = new ExecutionNode[fields.Length];
        for (var i = 0; i < subFields.Length; i++)
        {
            var (field, definition) = fields[i];
            subFields[i] = BuildExecutionNode(parent, definition.ResolvedType!, field, definition);
        }
        parent.SubFields = subFields;
    }

    /// <summary>Whether anything merged into this level of the selection (its fields, inline fragments and fragments) carries a directive.</summary>
    private static bool HasDirectives(ExecutionContext context, GraphQLSelectionSet selectionSet) =>
        selectionSet.Selections.Any(selection => selection switch
        {
            GraphQLField field => field.Directives?.Count > 0,
            GraphQLInlineFragment inline => inline.Directives?.Count > 0 || HasDirectives(context, inline.SelectionSet),
            GraphQLFragmentSpread spread => spread.Directives?.Count > 0
                || Fragments.Of(context.Document, spread) is not { } fragment
                || fragment.Directives?.Count > 0
                || HasDirectives(context, fragment.SelectionSet),
            _ => true,
        });

    /// <summary>The fields a selection set selects, with their definitions in response order, per object type it was collected on.</summary>
    private sealed class Selected
    {
        public ConcurrentDictionary<IGraphType, (GraphQLField Field, FieldType Definition)[]> ByType { get; } = new();
    }
}
