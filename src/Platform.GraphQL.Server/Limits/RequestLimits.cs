namespace Platform.GraphQL.Server.Limits;

/// <summary>Per-request ceilings on the shape and cost of the selected operation (OWASP GraphQL cheat sheet).</summary>
public sealed class RequestLimits
{
    /// <summary>Deepest allowed field nesting (root fields are depth 1).</summary>
    public int MaxDepth { get; set; } = 12;

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
