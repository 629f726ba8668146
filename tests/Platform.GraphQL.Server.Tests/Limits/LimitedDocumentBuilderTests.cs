using GraphQLParser.AST;
using Platform.GraphQL.Server.Limits;

namespace Platform.GraphQL.Server.Tests.Limits;

/// <summary>The nesting bound checked while the tokens are counted: a deeper document is refused before it is parsed.</summary>
public sealed class LimitedDocumentBuilderTests
{
    // Loose field limits, so only the nesting bound decides; lists nest in an argument without adding field depth.
    private readonly LimitedDocumentBuilder _builder = new(new RequestLimits { MaxDepth = 100, MaxIntrospectionDepth = 100 });

    private static string ListsNested(int levels) =>
        "{ f(a: " + new string('[', levels - 1) + new string(']', levels - 1) + ") }";

    [Fact]
    public void Nesting_AtTheBound_IsParsed()
    {
        var document = _builder.Build(ListsNested(LimitedDocumentBuilder.MaxNesting));

        Assert.Single(document.Definitions.OfType<GraphQLOperationDefinition>());
    }

    [Fact]
    public void Nesting_OneOverTheBound_IsRefusedAsTooDeep_WithoutAParse()
    {
        var error = Assert.Throws<DocumentLimitError>(() => _builder.Build(ListsNested(LimitedDocumentBuilder.MaxNesting + 1)));

        Assert.Equal("MAX_DEPTH_EXCEEDED", error.Code);
        Assert.Null(error.InnerException); // not the parser's depth exception
    }

    [Fact]
    public void BracesInStrings_DoNotCount()
    {
        var document = _builder.Build("{ f(a: \"" + new string('{', 500) + "\") }");

        Assert.Single(document.Definitions);
    }
}
