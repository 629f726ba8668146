using System.Text.Json;

namespace Platform.Benchmarks;

/// <summary>A named GraphQL request that every client sends in a loop.</summary>
internal sealed record Scenario(string Name, string Description, string Query, IReadOnlyDictionary<string, object?> Variables)
{
    /// <summary>The GraphQL-over-HTTP POST body (<c>{query, variables}</c>) as UTF-8 JSON.</summary>
    public byte[] RequestBody() => JsonSerializer.SerializeToUtf8Bytes(new { query = Query, variables = Variables });
}

/// <summary>The scenarios, by name. Add one entry per new scenario.</summary>
internal static class Scenarios
{
    public static readonly IReadOnlyDictionary<string, Scenario> All = new[]
    {
        new Scenario(
            "leads-graph",
            "first 50 leads with owner, client and their 5 latest activities",
            """
            query Leads($first: Int!) { leads(first: $first) { nodes { owner { name } client { name } activities(first: 5) { nodes { type } } } } }
            """,
            new Dictionary<string, object?> { ["first"] = 50 }),
    }.ToDictionary(s => s.Name, StringComparer.Ordinal);
}
