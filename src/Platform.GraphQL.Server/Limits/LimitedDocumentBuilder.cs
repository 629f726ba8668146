using GraphQL.Execution;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace Platform.GraphQL.Server.Limits;

/// <summary>
/// Parses a document only after counting its tokens and directives with the lexer, which stops at the first token
/// over <see cref="RequestLimits.MaxTokens"/>: a megabyte of hostile text costs no more to refuse than the limit
/// allows, and the parser, the validation rules and the error list never see it. Then counts the selections the
/// document writes and checks how deep its operations nest (<see cref="DocumentDepth"/>), so the validation rules
/// only ever see documents within these limits. Parser recursion is bounded too: a document nested beyond
/// <see cref="ParserMaxDepth"/> AST nodes fails with <see cref="GraphQLMaxDepthExceededException"/>, which the
/// endpoint answers as <c>MAX_DEPTH_EXCEEDED</c>.
/// </summary>
public sealed class LimitedDocumentBuilder(RequestLimits limits) : IDocumentBuilder
{
    /// <summary>
    /// Parser nesting in AST nodes (a field level takes two, an argument value one per list or object): far above
    /// what <see cref="RequestLimits.MaxDepth"/> and <see cref="RequestLimits.MaxIntrospectionDepth"/> allow, far
    /// below what would overflow the stack.
    /// </summary>
    public const int ParserMaxDepth = 128;

    /// <summary>
    /// Braces and brackets nested deeper than this are refused while counting tokens: far beyond any operation within
    /// the depth limits, and short of <see cref="ParserMaxDepth"/> (two AST nodes per level), so a deep document never
    /// costs a parse that ends in an exception.
    /// </summary>
    public const int MaxNesting = 48;

    /// <summary>The refusal of a document nested past what any operation within the limits needs.</summary>
    internal const string TooDeep = "The document is nested too deeply (selections, lists and input objects count); flatten it or send the values as variables.";

    private readonly GraphQLDocumentBuilder _parser = new() { MaxDepth = ParserMaxDepth };

    public GraphQLDocument Build(string body)
    {
        CountTokens(body);
        var document = _parser.Build(body);
        CountSelections(document);
        new DocumentDepth(document, body, limits).Check();
        return document;
    }

    private void CountTokens(string body)
    {
        ROM source = body;
        var tokens = 0;
        var directives = 0;
        var nesting = 0;
        var position = 0;
        while (true)
        {
            Token token;
            try
            {
                token = Lexer.Lex(source, position);
            }
            catch (GraphQLSyntaxErrorException)
            {
                // The parser reports it, with its location.
                return;
            }
            if (token.Kind == TokenKind.EOF)
                return;
            if (++tokens > limits.MaxTokens)
                throw new DocumentLimitError("TOO_MANY_TOKENS", $"The document has more than {limits.MaxTokens} tokens (names, punctuation, values and comments count).");
            if (token.Kind == TokenKind.AT && ++directives > limits.MaxDirectives)
                throw new DocumentLimitError("TOO_MANY_DIRECTIVES", $"The document uses more than {limits.MaxDirectives} directives.");
            if (token.Kind is TokenKind.BRACE_L or TokenKind.BRACKET_L && ++nesting > MaxNesting)
                throw new DocumentLimitError("MAX_DEPTH_EXCEEDED", TooDeep);
            if (token.Kind is TokenKind.BRACE_R or TokenKind.BRACKET_R)
                nesting--;
            position = token.End;
        }
    }

    private void CountSelections(GraphQLDocument document)
    {
        var pending = new Stack<GraphQLSelectionSet>();
        foreach (var definition in document.Definitions)
        {
            if (definition is GraphQLOperationDefinition { SelectionSet: { } operation })
                pending.Push(operation);
            else if (definition is GraphQLFragmentDefinition { SelectionSet: { } fragment })
                pending.Push(fragment);
        }

        var selections = 0;
        while (pending.TryPop(out var selectionSet))
        {
            selections += selectionSet.Selections.Count;
            if (selections > limits.MaxSelections)
                throw new DocumentLimitError("TOO_MANY_SELECTIONS",
                    $"The document has more than {limits.MaxSelections} selections (fields, fragment spreads and inline fragments count).");
            foreach (var selection in selectionSet.Selections)
            {
                if (selection is GraphQLField { SelectionSet: { } fieldSelections })
                    pending.Push(fieldSelections);
                else if (selection is GraphQLInlineFragment { SelectionSet: { } inlineSelections })
                    pending.Push(inlineSelections);
            }
        }
    }
}
