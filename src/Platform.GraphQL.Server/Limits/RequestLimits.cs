namespace Platform.GraphQL.Server.Limits;

/// <summary>Per-request ceilings on the size of the document and the shape and cost of the selected operation (OWASP GraphQL cheat sheet).</summary>
public sealed class RequestLimits
{
    /// <summary>Deepest allowed field nesting (root fields are depth 1), fragments expanded.</summary>
    public int MaxDepth { get; set; } = 12;

    /// <summary>
    /// Deepest allowed field nesting under <c>__schema</c> or <c>__type</c> (which is depth 1). GraphiQL's introspection
    /// query needs 14; besides, at most two of <c>fields</c>, <c>interfaces</c>, <c>possibleTypes</c> and
    /// <c>inputFields</c> may nest, as in graphql-js's MaxIntrospectionDepthRule.
    /// </summary>
    public int MaxIntrospectionDepth { get; set; } = 15;

    /// <summary>Most lexical tokens (names, punctuators, values, comments) in one document, counted before parsing.</summary>
    public int MaxTokens { get; set; } = 15_000;

    /// <summary>Most directives (<c>@include</c>, <c>@skip</c>…) in one document.</summary>
    public int MaxDirectives { get; set; } = 50;

    /// <summary>
    /// Most selections (fields, fragment spreads and inline fragments) written in one document: validation's check of
    /// overlapping fields grows with the square of repeated ones, so this bounds what a valid document costs.
    /// </summary>
    public int MaxSelections { get; set; } = 300;

    /// <summary>Most errors in one response; the rest are replaced by one <c>TOO_MANY_ERRORS</c> error.</summary>
    public int MaxErrors { get; set; } = 100;

    /// <summary>Most aliased fields in one operation, fragments included.</summary>
    public int MaxAliases { get; set; } = 30;

    /// <summary>Most root fields in one operation.</summary>
    public int MaxRootFields { get; set; } = 20;

    /// <summary>Highest allowed cost: every field costs 1 for each item its enclosing lists may return.</summary>
    public int MaxCost { get; set; } = 50_000;

    /// <summary>Cost one client (the token's subject) may spend per minute; 0 switches the budget off.</summary>
    public long CostBudgetPerMinute { get; set; } = 500_000;

    /// <summary>Page size assumed for a list field with paging arguments (<c>first</c>/<c>last</c>) that gives neither.</summary>
    public int DefaultPageSize { get; set; } = 20;
}
