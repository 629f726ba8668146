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
    private readonly ConditionalWeakTable<GraphQLSelectionSet, Selected> _selected = new();

    protected override void SetSubFieldNodes(ExecutionContext context, ObjectExecutionNode parent)
    {
        var type = parent.GetObjectGraphType(context.Schema) ?? parent.GraphType;
        if (parent.SelectionSet is not { } selectionSet || !_selected.TryGetValue(selectionSet, out var selected) || selected.Type != type)
        {
            base.SetSubFieldNodes(context, parent);
            if (parent.SelectionSet is { } collected && parent.SubFields is { } nodes && !HasDirectives(context, collected))
                _selected.AddOrUpdate(collected, new Selected(type, [.. nodes.Select(node => (node.Field, node.FieldDefinition))]));
            return;
        }
        var subFields = new ExecutionNode[selected.Fields.Length];
        for (var i = 0; i < subFields.Length; i++)
        {
            var (field, definition) = selected.Fields[i];
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

    /// <summary>The fields a selection set selects on one object type, with their definitions, in response order.</summary>
    private sealed record Selected(IGraphType Type, (GraphQLField Field, FieldType Definition)[] Fields);
}
