using System.Text.Json.Nodes;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Relay;

/// <summary>
/// Lists, references and nested connections read only the columns their selection needs, and answer exactly as a read
/// of the whole row does (<c>nodes(ids:)</c> still reads whole rows): through fragments, aliases of one field with
/// different selections, and computed fields.
/// </summary>
public abstract class SelectionProjectionTests<THost>(THost api) where THost : ApiHost
{
    [Fact]
    public async Task Fragments_AnswerAsTheSameFieldsWrittenOut()
    {
        const string WithFragments = """
            { leads(first: 20) { nodes { ...Person owner { ... on StaffUser { email } } } } }
            fragment Person on Lead { id ... on Lead { lastName } __typename client { ...Named } }
            fragment Named on Client { name }
            """;
        const string WrittenOut = "{ leads(first: 20) { nodes { id lastName __typename client { name } owner { email } } } }";

        api.Sql.Clear();
        var projected = await api.QueryAsync(WithFragments);
        var leadsSql = api.Sql.Statements[0];

        Assert.Equal((await api.QueryAsync(WrittenOut)).ToJsonString(), projected.ToJsonString());
        Assert.Contains("LastName", leadsSql);
        Assert.Contains("ConvertedClientId", leadsSql);
        Assert.DoesNotContain("Message", leadsSql);
    }

    [Fact]
    public async Task AliasesWithDifferentSelections_EachGetWhatTheySelect()
    {
        var data = await api.QueryAsync("""
            { leads(first: 20) { nodes {
                id
                a: owner { name }
                b: owner { email }
                x: activities(first: 3) { nodes { type } }
                y: activities(first: 3) { nodes { subject occurredAt } }
            } } }
            """);
        var whole = await WholeRowsAsync(data, "owner { name email } activities(first: 3) { nodes { type subject occurredAt } }");

        foreach (var lead in data["leads"]!["nodes"]!.AsArray())
        {
            var expected = whole[(string)lead!["id"]!]!;
            Assert.Equal(expected["owner"]?["name"]?.ToJsonString(), lead["a"]?["name"]?.ToJsonString());
            Assert.Equal(expected["owner"]?["email"]?.ToJsonString(), lead["b"]?["email"]?.ToJsonString());
            var activities = expected["activities"]!["nodes"]!.AsArray();
            Assert.Equal(activities.Select(a => a!["type"]!.ToJsonString()), lead["x"]!["nodes"]!.AsArray().Select(a => a!["type"]!.ToJsonString()));
            Assert.Equal(activities.Select(a => a!["subject"]?.ToJsonString() + a["occurredAt"]!.ToJsonString()),
                lead["y"]!["nodes"]!.AsArray().Select(a => a!["subject"]?.ToJsonString() + a["occurredAt"]!.ToJsonString()));
        }
        Assert.Contains(data["leads"]!["nodes"]!.AsArray(), lead => lead!["a"] is not null);
    }

    [Fact]
    public async Task ComputedFields_AnswerAsFromTheWholeRow()
    {
        const string Computed = "completeness isOverdue firstResponseTime client { paidOrderCount isStrategic averageCheck { amount currency } }";
        var data = await api.QueryAsync($"{{ leads(first: 100) {{ nodes {{ id {Computed} }} }} }}");
        var whole = await WholeRowsAsync(data, Computed);

        Assert.Contains(data["leads"]!["nodes"]!.AsArray(), lead => lead!["client"] is not null);
        foreach (var lead in data["leads"]!["nodes"]!.AsArray())
            Assert.Equal(whole[(string)lead!["id"]!]!.ToJsonString(), lead.ToJsonString());
    }

    [Theory]
    [InlineData("deals", "Deal", "title amount { amount currency } proposedPrice { amount } isHandedOff client { name } stage { name } owner { name }", "Requirements")]
    [InlineData("referrals", "Referral", "status program { name } partner { name regions } lead { firstName }", "RejectionReason")]
    [InlineData("rewards", "Reward", "status amount { amount currency } referral { status } payout { reference }", "VoidReason")]
    [InlineData("payouts", "Payout", "amount { amount currency } partner { name }", "Reference")]
    [InlineData("referralPrograms", "ReferralProgram", "name capPerReferral { amount currency } eligiblePartners { name }", "HoldingPeriodDays")]
    [InlineData("referralCodes", "ReferralCode", "code program { name } partner { name } referrerClientId", "RevokedAt")]
    public async Task RootLists_ReadOnlyTheSelectedColumns_AndAnswerAsFromTheWholeRow(string list, string type, string selection, string unselectedColumn)
    {
        api.Sql.Clear();
        var data = await api.QueryAsync($"{{ {list}(first: 50) {{ nodes {{ id {selection} }} }} }}");
        var listSql = api.Sql.Statements[0];
        var rows = data[list]!["nodes"]!.AsArray();
        var ids = rows.Select(n => (string)n!["id"]!).ToArray();
        var whole = await api.QueryAsync($"query($ids: [ID!]!) {{ nodes(ids: $ids) {{ ... on {type} {{ id {selection} }} }} }}", new { ids });

        Assert.NotEmpty(rows);
        Assert.DoesNotContain(unselectedColumn, listSql);
        Assert.Equal(whole["nodes"]!.ToJsonString(), rows.ToJsonString());
    }

    /// <summary>The leads of <paramref name="data"/> fetched again by <c>nodes(ids:)</c>, which reads whole rows, by id.</summary>
    private async Task<Dictionary<string, JsonNode>> WholeRowsAsync(JsonObject data, string selection)
    {
        var ids = data["leads"]!["nodes"]!.AsArray().Select(n => (string)n!["id"]!).ToArray();
        var nodes = await api.QueryAsync($"query($ids: [ID!]!) {{ nodes(ids: $ids) {{ ... on Lead {{ id {selection} }} }} }}", new { ids });
        return nodes["nodes"]!.AsArray().ToDictionary(n => (string)n!["id"]!, n => n!);
    }
}

public sealed class DefaultSelectionProjectionTests(DefaultApi api) : SelectionProjectionTests<DefaultApi>(api), IClassFixture<DefaultApi>;

public sealed class PostgresSelectionProjectionTests(PostgresApi api) : SelectionProjectionTests<PostgresApi>(api), IClassFixture<PostgresApi>;
