using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;
using Platform.GraphQL.Server.Execution;

namespace Platform.GraphQL.Server.Projection;

/// <summary>
/// The <see cref="Projection{T}"/> of what a field's selection reads: the members its selected fields declare
/// (<see cref="FieldReads"/>), through fragments, inline fragments and aliases. Skip, include and type conditions are not
/// evaluated, so a selection may read more than it shows, never less. Worked out once per field of a parsed document,
/// so a cached document's requests reuse it.
/// </summary>
public static class SelectionProjection
{
    /// <summary>The projection of the object (or list of objects) the field being resolved returns.</summary>
    public static Projection<T> Selected<T>(this IResolveFieldContext context) =>
        Cache<T>.Objects.GetValue(context.FieldAst, _ => Read<T>(context, context.FieldDefinition.ResolvedType?.GetNamedType(), [context.FieldAst.SelectionSet]));

    /// <summary>For a connection field: the projection of its nodes, selected as <c>nodes { … }</c> or <c>edges { node { … } }</c>.</summary>
    public static Projection<T> SelectedNodes<T>(this IResolveFieldContext context) =>
        Cache<T>.Nodes.GetValue(context.FieldAst, _ =>
        {
            var connection = context.FieldDefinition.ResolvedType?.GetNamedType() as IComplexGraphType;
            var nodeType = connection?.GetField("nodes")?.ResolvedType?.GetNamedType();
            var nodes = new List<GraphQLSelectionSet?>();
            foreach (var field in Fields(context, context.FieldAst.SelectionSet))
            {
                if (field.Name.Value == "nodes")
                    nodes.Add(field.SelectionSet);
                else if (field.Name.Value == "edges")
                    nodes.AddRange(Fields(context, field.SelectionSet).Where(f => f.Name.Value == "node").Select(f => f.SelectionSet));
            }
            return Read<T>(context, nodeType, nodes);
        });

    internal static Projection<T> Read<T>(IResolveFieldContext context, IGraphType? type, IEnumerable<GraphQLSelectionSet?> selections)
    {
        // An interface or union (node(id:)) may resolve to any of its types, and a field may map what it loads to
        // something else: only an object type over T says what of T it reads.
        if (type is not (IObjectGraphType objectType and ComplexGraphType<T>))
            return Projection<T>.All;
        var members = new List<string>();
        var references = new List<KeyValuePair<string, IProjection>>();
        foreach (var field in selections.SelectMany(selection => Fields(context, selection)))
        {
            // __typename, and a field of another type's fragment, is no field of this type.
            if (objectType.GetField(field.Name.Value) is not { } definition)
                continue;
            if (FieldReads.Of(definition) is not { } reads)
                return Projection<T>.All;
            members.AddRange(reads);
            if (FieldReads.ReferenceOf(definition) is { } reference)
                references.Add(new(reference.Member, reference.Read(context, definition.ResolvedType?.GetNamedType(), field.SelectionSet)));
        }
        return Projection<T>.Of(members, references);
    }

    /// <summary>The fields of a selection set, those of its fragments included.</summary>
    private static IEnumerable<GraphQLField> Fields(IResolveFieldContext context, GraphQLSelectionSet? selectionSet)
    {
        if (selectionSet is null)
            yield break;
        foreach (var selection in selectionSet.Selections)
        {
            IEnumerable<GraphQLField> inner = selection switch
            {
                GraphQLField field => [field],
                GraphQLInlineFragment inline => Fields(context, inline.SelectionSet),
                GraphQLFragmentSpread spread => Fields(context, Fragments.Of(context.Document, spread)?.SelectionSet),
                _ => [],
            };
            foreach (var field in inner)
                yield return field;
        }
    }

    private static class Cache<T>
    {
        public static readonly ConditionalWeakTable<GraphQLField, Projection<T>> Objects = new();
        public static readonly ConditionalWeakTable<GraphQLField, Projection<T>> Nodes = new();
    }
}
