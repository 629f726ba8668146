using GraphQLParser.AST;

namespace Platform.GraphQL.Server.Execution;

/// <summary>Finds the fragment a spread names.</summary>
internal static class Fragments
{
    public static GraphQLFragmentDefinition? Of(GraphQLDocument document, GraphQLFragmentSpread spread) =>
        document.Definitions.OfType<GraphQLFragmentDefinition>().FirstOrDefault(f => f.FragmentName.Name == spread.FragmentName.Name);
}
