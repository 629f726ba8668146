using GraphQLParser;
using GraphQLParser.AST;

namespace Platform.GraphQL.Server.Limits;

/// <summary>
/// Checks how deep every operation of a parsed document nests, fragments expanded, before the validation rules see it:
/// <see cref="RequestLimits.MaxDepth"/> for data, <see cref="RequestLimits.MaxIntrospectionDepth"/> under
/// <c>__schema</c> and <c>__type</c>, where at most two type lists (<c>fields</c>, <c>interfaces</c>,
/// <c>possibleTypes</c>, <c>inputFields</c>) may nest, as in graphql-js's MaxIntrospectionDepthRule: IDEs such as
/// GraphiQL nest ofType deeper than any data query needs, while nested type lists multiply the answer. Each
/// fragment is measured once, so a fragment spread many times costs no more than one written once.
/// </summary>
internal sealed class DocumentDepth(GraphQLDocument document, ROM source, RequestLimits limits)
{
    /// <summary>How many type lists may nest in an introspection query, as in graphql-js (GraphiQL's query nests one).</summary>
    private const int MaxIntrospectionTypeLists = 2;

    private readonly Dictionary<GraphQLFragmentDefinition, Shape> _fragments = [];
    private readonly HashSet<GraphQLFragmentDefinition> _fragmentsInPath = [];

    /// <summary>The deepest field nesting below a selection (the selection's field included) and the most type lists on one path.</summary>
    private readonly record struct Shape(int Depth, int TypeLists)
    {
        public static Shape Max(Shape a, Shape b) => new(Math.Max(a.Depth, b.Depth), Math.Max(a.TypeLists, b.TypeLists));
    }

    public void Check()
    {
        foreach (var definition in document.Definitions)
        {
            if (definition is GraphQLOperationDefinition operation)
                CheckRoot(operation.SelectionSet, []);
        }
    }

    /// <summary>Root fields, through the fragments that hold them: introspection fields have their own limit.</summary>
    private void CheckRoot(GraphQLSelectionSet selectionSet, HashSet<GraphQLFragmentDefinition> expanded)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case GraphQLField { Name.StringValue: "__schema" or "__type" } field:
                    var introspection = Measure(field);
                    if (introspection.Depth > limits.MaxIntrospectionDepth || introspection.TypeLists > MaxIntrospectionTypeLists)
                        throw Refusal("MAX_INTROSPECTION_DEPTH_EXCEEDED", field,
                            $"The introspection query is nested deeper than the limit of {limits.MaxIntrospectionDepth} levels under __schema or __type, "
                            + $"or nests more than {MaxIntrospectionTypeLists} of fields, interfaces, possibleTypes and inputFields.");
                    break;
                case GraphQLField field:
                    if (Measure(field).Depth > limits.MaxDepth)
                        throw Refusal("MAX_DEPTH_EXCEEDED", field, $"The operation is nested deeper than the limit of {limits.MaxDepth} levels.");
                    break;
                case GraphQLInlineFragment inline:
                    CheckRoot(inline.SelectionSet, expanded);
                    break;
                case GraphQLFragmentSpread spread when document.FindFragmentDefinition(spread.FragmentName.Name) is { } fragment && expanded.Add(fragment):
                    CheckRoot(fragment.SelectionSet, expanded);
                    break;
            }
        }
    }

    private Shape Measure(GraphQLField field)
    {
        var inner = field.SelectionSet is null ? default : Measure(field.SelectionSet);
        var isTypeList = field.Name.StringValue is "fields" or "interfaces" or "possibleTypes" or "inputFields";
        return new Shape(inner.Depth + 1, inner.TypeLists + (isTypeList ? 1 : 0));
    }

    private Shape Measure(GraphQLSelectionSet selectionSet)
    {
        Shape deepest = default;
        foreach (var selection in selectionSet.Selections)
        {
            deepest = Shape.Max(deepest, selection switch
            {
                GraphQLField field => Measure(field),
                GraphQLInlineFragment inline => Measure(inline.SelectionSet),
                GraphQLFragmentSpread spread when document.FindFragmentDefinition(spread.FragmentName.Name) is { } fragment => Measure(fragment),
                _ => default,
            });
        }
        return deepest;
    }

    private Shape Measure(GraphQLFragmentDefinition fragment)
    {
        if (_fragments.TryGetValue(fragment, out var known))
            return known;
        // A cycle is reported by the validation rules; here it must only not recurse forever.
        if (!_fragmentsInPath.Add(fragment))
            return default;
        var shape = Measure(fragment.SelectionSet);
        _fragmentsInPath.Remove(fragment);
        _fragments[fragment] = shape;
        return shape;
    }

    private DocumentLimitError Refusal(string code, GraphQLField field, string message)
    {
        var error = new DocumentLimitError(code, message);
        error.AddLocation(Location.FromLinearPosition(source, field.Location.Start));
        return error;
    }
}
