using System.Text.Json;
using Platform.Api.Tests.Infrastructure;
using Platform.Testing;

namespace Platform.Api.Tests.Clients;

/// <summary>
/// Pins the SQL of a page of 100 clients with every computed purchase field and their latest
/// orders: a fixed number of statements whatever the page size — the figures are batched
/// (paid orders of the page, total turnover), never computed one client at a time.
/// </summary>
public abstract class ClientGraphStatementsTests<THost> where THost : ApiHost
{
    private const string Query = """
        query Clients($first: Int!) {
          clients(first: $first) {
            nodes {
              name
              owner { name }
              paidOrderCount firstPaidOrderAt tenureYears tenureDiscountPercent
              nextOrderDiscount { nextOrdinal nextPercent ordersUntilDiscount }
              averageCheck { amount currency } trailingRevenue { amount }
              turnoverSharePercent isStrategic
              medianPurchaseIntervalDays daysSinceLastOrder isSleeping
              orders(first: 3) { nodes { number status netAmount { amount } } }
            }
          }
        }
        """;

    private readonly THost _api;

    protected ClientGraphStatementsTests(THost api)
    {
        _api = api;
        _api.Clock.FixedAt = ApiHost.SeedTime;
    }

    [Fact]
    public async Task ClientsWithComputedFields_CostAFixedNumberOfStatementsWhateverThePageSize()
    {
        _api.Sql.Clear();
        await _api.QueryAsync(Query, new { first = 5 });
        var smallPage = _api.Sql.Count;

        _api.Sql.Clear();
        var data = await _api.QueryAsync(Query, new { first = 100 });
        var largePage = _api.Sql.Count;

        Assert.Equal(100, data["clients"]!["nodes"]!.AsArray().Count);
        Assert.Equal(5, largePage);
        Assert.Equal(smallPage, largePage);
        // The SQL each provider runs, reviewed like code; SQL Server's is not kept (no server where snapshots are reviewed),
        // its statement count is asserted above.
        if (_api.Provider != "SqlServer")
            MarkdownSnapshot.Match($"ClientsWithComputedFields.{_api.Provider}", [.. _api.Sql.Statements.Select((sql, i) => ($"SQL {i + 1}", "sql", sql))]);
    }
}

/// <summary>Enough demo data for more than 100 clients.</summary>
public sealed class ManyClientsApi() : ApiHost(Environment.GetEnvironmentVariable("PLATFORM_TEST_PROVIDER") ?? "Sqlite")
{
    protected override int DemoLeads => 600;
}

/// <summary>As <see cref="ManyClientsApi"/>, on PostgreSQL.</summary>
public sealed class ManyClientsPostgresApi() : ApiHost("Postgres")
{
    protected override int DemoLeads => 600;
}

public sealed class DefaultClientGraphStatementsTests(ManyClientsApi api) : ClientGraphStatementsTests<ManyClientsApi>(api), IClassFixture<ManyClientsApi>;

public sealed class PostgresClientGraphStatementsTests(ManyClientsPostgresApi api) : ClientGraphStatementsTests<ManyClientsPostgresApi>(api), IClassFixture<ManyClientsPostgresApi>;
