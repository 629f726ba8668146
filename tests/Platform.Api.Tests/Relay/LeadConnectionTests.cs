using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Relay;

public abstract class LeadConnectionTests<THost>(THost api) where THost : ApiHost
{
    [Fact]
    public async Task Leads_PagedForwardByCursor_ReturnEveryLeadOnceNewestFirst()
    {
        var seen = new List<(string Id, DateTime CreatedAt)>();
        string? after = null;
        int total;
        do
        {
            var data = await api.QueryAsync(
                "query($after: String) { leads(first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id createdAt } } }",
                new { after });
            var leads = data["leads"]!;
            total = (int)leads["totalCount"]!;
            seen.AddRange(leads["nodes"]!.AsArray().Select(n => ((string)n!["id"]!, (DateTime)n["createdAt"]!)));
            after = (bool)leads["pageInfo"]!["hasNextPage"]! ? (string)leads["pageInfo"]!["endCursor"]! : null;
        }
        while (after is not null);

        Assert.Equal(total, seen.Count);
        Assert.Equal(seen.Count, seen.Select(x => x.Id).Distinct().Count());
        Assert.Equal(seen.OrderByDescending(x => x.CreatedAt).Select(x => x.CreatedAt), seen.Select(x => x.CreatedAt));
    }

    [Fact]
    public async Task Leads_LastBefore_ReturnThePageBeforeTheCursor()
    {
        var all = await api.QueryAsync("{ leads(first: 10) { edges { cursor node { id } } } }");
        var edges = all["leads"]!["edges"]!.AsArray();
        var before = (string)edges[6]!["cursor"]!;

        var data = await api.QueryAsync("query($before: String) { leads(last: 3, before: $before) { pageInfo { hasPreviousPage hasNextPage } nodes { id } } }", new { before });

        Assert.Equal(edges.Skip(3).Take(3).Select(e => (string)e!["node"]!["id"]!), data["leads"]!["nodes"]!.AsArray().Select(n => (string)n!["id"]!));
        Assert.True((bool)data["leads"]!["pageInfo"]!["hasPreviousPage"]!);
        Assert.True((bool)data["leads"]!["pageInfo"]!["hasNextPage"]!);
    }

    [Fact]
    public async Task Leads_FilteredByStatusAndTemperature_MatchOnlyThose()
    {
        var data = await api.QueryAsync("{ leads(first: 100, filter: { status: [NEW, IN_PROGRESS], temperature: [HOT] }) { totalCount nodes { status temperature } } }");
        var nodes = data["leads"]!["nodes"]!.AsArray();
        Assert.NotEmpty(nodes);
        Assert.All(nodes, n =>
        {
            Assert.Contains((string)n!["status"]!, new[] { "NEW", "IN_PROGRESS" });
            Assert.Equal("HOT", (string)n["temperature"]!);
        });
        Assert.Equal(nodes.Count, (int)data["leads"]!["totalCount"]!);
    }

    [Fact]
    public async Task Leads_FilteredByOverdue_SplitLikeTheirIsOverdueField()
    {
        var data = await api.QueryAsync("""
            {
              all: leads { totalCount }
              overdue: leads(first: 100, filter: { overdue: true }) { totalCount nodes { isOverdue } }
              onTime: leads(first: 100, filter: { overdue: false }) { totalCount nodes { isOverdue } }
            }
            """);
        int Count(string alias) => (int)data[alias]!["totalCount"]!;

        Assert.True(Count("overdue") > 0 && Count("onTime") > 0);
        Assert.Equal(Count("all"), Count("overdue") + Count("onTime"));
        Assert.All(data["overdue"]!["nodes"]!.AsArray(), n => Assert.True((bool)n!["isOverdue"]!));
        Assert.All(data["onTime"]!["nodes"]!.AsArray(), n => Assert.False((bool)n!["isOverdue"]!));
    }

    [Fact]
    public async Task Leads_OrderedOldestFirst_AreAscending()
    {
        var data = await api.QueryAsync("{ leads(first: 30, orderBy: CREATED_AT_ASC) { nodes { createdAt } } }");
        var times = data["leads"]!["nodes"]!.AsArray().Select(n => (DateTime)n!["createdAt"]!).ToList();
        Assert.Equal(times.Order(), times);
    }

    [Theory]
    [InlineData("{ leads(first: 0) { totalCount } }", "INVALID_PAGINATION")]
    [InlineData("{ leads(first: 101) { totalCount } }", "INVALID_PAGINATION")]
    [InlineData("{ leads(first: 5, last: 5) { totalCount } }", "INVALID_PAGINATION")]
    [InlineData("{ leads(after: \"bogus\") { totalCount } }", "INVALID_CURSOR")]
    [InlineData("{ leads(filter: { ownerId: \"bogus\" }) { totalCount } }", "INVALID_ID")]
    public async Task Leads_BadArguments_GetASpecificError(string query, string code)
    {
        var result = await api.PostAsync(query);
        Assert.Equal(code, (string)result["errors"]![0]!["extensions"]!["code"]!);
        Assert.DoesNotContain("   at ", result.ToJsonString()); // no stack trace
    }

    [Fact]
    public async Task Leads_CursorOfAnotherOrder_IsRefused()
    {
        var data = await api.QueryAsync("{ leads(first: 1, orderBy: CREATED_AT_ASC) { pageInfo { endCursor } } }");
        var result = await api.PostAsync("query($after: String) { leads(after: $after) { totalCount } }", new { after = (string)data["leads"]!["pageInfo"]!["endCursor"]! });
        Assert.Equal("INVALID_CURSOR", (string)result["errors"]![0]!["extensions"]!["code"]!);
    }
}

public sealed class DefaultLeadConnectionTests(DefaultApi api) : LeadConnectionTests<DefaultApi>(api), IClassFixture<DefaultApi>;

public sealed class PostgresLeadConnectionTests(PostgresApi api) : LeadConnectionTests<PostgresApi>(api), IClassFixture<PostgresApi>;
