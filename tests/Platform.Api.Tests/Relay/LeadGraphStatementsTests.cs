using System.Text.Json;
using Platform.Api.Tests.Infrastructure;
using Platform.Testing;

namespace Platform.Api.Tests.Relay;

/// <summary>
/// Pins the SQL of a lead page with its owners, clients and latest activities (the benchmark's query): a fixed number
/// of statements (the page with its owners joined, then one batch per other reference) whatever the page size — no N+1 — each reading only the
/// columns the selection needs.
/// </summary>
public abstract class LeadGraphStatementsTests<THost>(THost api) where THost : ApiHost
{
    private const string Query = """
        query Leads($first: Int!) {
          leads(first: $first) {
            nodes {
              id
              firstName
              owner { name }
              client { name }
              activities(first: 5) { nodes { type occurredAt } }
            }
          }
        }
        """;

    [Fact]
    public async Task LeadsWithOwnerClientAndActivities_CostAtMostFourStatementsWhateverThePageSize()
    {
        api.Sql.Clear();
        await api.QueryAsync(Query, new { first = 5 });
        var smallPage = api.Sql.Count;

        api.Sql.Clear();
        var data = await api.QueryAsync(Query, new { first = 50 });
        var largePage = api.Sql.Count;

        Assert.Equal(50, data["leads"]!["nodes"]!.AsArray().Count);
        Assert.True(largePage <= 4, $"{largePage} statements");
        Assert.Equal(smallPage, largePage);
        // The SQL each provider runs, reviewed like code; SQL Server's is not kept (no server where snapshots are reviewed),
        // its statement count is asserted above.
        if (api.Provider != "SqlServer")
            MarkdownSnapshot.Match($"LeadsWithOwnerClientAndActivities.{api.Provider}", [.. api.Sql.Statements.Select((sql, i) => ($"SQL {i + 1}", "sql", sql))]);
    }
}

public sealed class DefaultLeadGraphStatementsTests(DefaultApi api) : LeadGraphStatementsTests<DefaultApi>(api), IClassFixture<DefaultApi>;

public sealed class PostgresLeadGraphStatementsTests(PostgresApi api) : LeadGraphStatementsTests<PostgresApi>(api), IClassFixture<PostgresApi>;
