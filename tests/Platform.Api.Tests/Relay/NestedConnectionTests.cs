using System.Text.Json.Nodes;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Relay;

/// <summary>
/// A nested connection under a list (a lead's activities) pages by cursor as a top-level one does: forward with
/// first/after, backward with last/before, the same rows whether the lead is fetched alone or in a page of leads.
/// </summary>
public abstract class NestedConnectionTests<THost>(THost api) where THost : ApiHost
{
    private const string Activities = "pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { id occurredAt }";

    [Fact]
    public async Task Activities_PagedByCursorBothWays_EqualTheWholeListOfEachLead()
    {
        var data = await api.QueryAsync($"{{ leads(first: 40) {{ nodes {{ id activities(first: 30) {{ {Activities} }} }} }} }}");
        var leads = data["leads"]!["nodes"]!.AsArray().Select(n => (Id: (string)n!["id"]!, All: Ids(n["activities"]!))).ToList();
        var walked = leads.Where(l => l.All.Count >= 3).Take(3).ToList();
        Assert.NotEmpty(walked);

        foreach (var (id, all) in walked)
        {
            Assert.Equal(all, await WalkAsync(id, forward: true));
            Assert.Equal(all, await WalkAsync(id, forward: false));
        }
    }

    [Fact]
    public async Task Activities_AfterOneLeadsCursor_ArePagedForEveryLeadOfThePage()
    {
        const string Leads = "query($after: String) { leads(first: 40) { nodes { id activities(first: 30, after: $after) { " + Activities + " } } } }";
        var whole = (await api.QueryAsync(Leads, new { after = (string?)null }))["leads"]!["nodes"]!.AsArray()
            .ToDictionary(n => (string)n!["id"]!, n => Rows(n!["activities"]!));
        var (pivotId, pivot) = whole.First(l => l.Value.Count >= 3);
        var firstPage = await api.QueryAsync(
            $"query($id: ID!) {{ node(id: $id) {{ ... on Lead {{ activities(first: 1) {{ {Activities} }} }} }} }}", new { id = pivotId });
        var after = (string)firstPage["node"]!["activities"]!["pageInfo"]!["endCursor"]!;

        var paged = (await api.QueryAsync(Leads.Replace("first: 30", "first: 2", StringComparison.Ordinal), new { after }))["leads"]!["nodes"]!.AsArray();

        Assert.Equal(pivot.Skip(1).Take(2), Rows(paged.Single(n => (string)n!["id"]! == pivotId)!["activities"]!));
        foreach (var lead in paged)
        {
            var all = whole[(string)lead!["id"]!];
            // Newest first: past the cursor come the rows that occurred before it (rows at the very same time go by id).
            if (all.All(row => row.OccurredAt != pivot[0].OccurredAt))
                Assert.Equal(all.Where(row => row.OccurredAt < pivot[0].OccurredAt).Take(2), Rows(lead["activities"]!));
        }
    }

    private async Task<List<string>> WalkAsync(string leadId, bool forward)
    {
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var arguments = forward ? "first: 2, after: $cursor" : "last: 2, before: $cursor";
            var data = await api.QueryAsync(
                $"query($id: ID!, $cursor: String) {{ node(id: $id) {{ ... on Lead {{ activities({arguments}) {{ {Activities} }} }} }} }}",
                new { id = leadId, cursor });
            var page = data["node"]!["activities"]!;
            var ids = Ids(page);
            Assert.InRange(ids.Count, 1, 2);
            seen.InsertRange(forward ? seen.Count : 0, ids);
            var more = (bool)page["pageInfo"]![forward ? "hasNextPage" : "hasPreviousPage"]!;
            cursor = more ? (string)page["pageInfo"]![forward ? "endCursor" : "startCursor"]! : null;
        }
        while (cursor is not null);
        return seen;
    }

    private static List<string> Ids(JsonNode connection) => connection["nodes"]!.AsArray().Select(n => (string)n!["id"]!).ToList();

    private static List<(string Id, DateTime OccurredAt)> Rows(JsonNode connection) =>
        connection["nodes"]!.AsArray().Select(n => ((string)n!["id"]!, (DateTime)n["occurredAt"]!)).ToList();
}

public sealed class DefaultNestedConnectionTests(DefaultApi api) : NestedConnectionTests<DefaultApi>(api), IClassFixture<DefaultApi>;

public sealed class PostgresNestedConnectionTests(PostgresApi api) : NestedConnectionTests<PostgresApi>(api), IClassFixture<PostgresApi>;
