using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Infrastructure;
using Platform.Data;
using Platform.DemoData;
using Platform.Domain.Leads;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Tests.Bulk;

/// <summary>
/// startBulkExport of every type but leads: each row is what the type's list field returns to the same caller with the
/// same filter (fields, values, global IDs); who may export a type is who may read its list field.
/// </summary>
public abstract class BulkExportTypesTests<THost>(THost api) where THost : BulkExportHost
{
    private static readonly DateTime Now = ApiHost.SeedTime.AddDays(1);

    /// <summary>The <c>Client</c> fields computed from its orders, which an export leaves to <c>ORDERS</c>.</summary>
    private static readonly HashSet<string> ClientFigures =
    [
        "paidOrderCount", "firstPaidOrderAt", "tenureYears", "tenureDiscountPercent", "nextOrderDiscount", "averageCheck", "trailingRevenue",
        "turnoverSharePercent", "isStrategic", "medianPurchaseIntervalDays", "daysSinceLastOrder", "isSleeping",
    ];

    private async Task<T> DbAsync<T>(Func<PlatformDbContext, Task<T>> read)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }

    private Task<int> StoredExportsAsync() => DbAsync(db => db.BulkExports.CountAsync());

    /// <summary>The fields of <paramref name="type"/> an export writes, each selected as GraphQL reads it in a row.</summary>
    private Dictionary<string, string> Selection(string type)
    {
        var schema = api.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var selection = new Dictionary<string, string>();
        foreach (var field in ((IObjectGraphType)schema.AllTypes[type]!).Fields)
        {
            var named = field.ResolvedType!.GetNamedType();
            if (named.Name.EndsWith("Connection") || (type == "Client" && ClientFigures.Contains(field.Name)))
                continue;
            selection[field.Name] = named.Name == "Money" ? field.Name + " { amount currency }" : named is IObjectGraphType ? field.Name + " { id }" : field.Name;
        }
        return selection;
    }

    /// <summary>Every node of the root connection <paramref name="field"/> for the caller, paged through, by id.</summary>
    private async Task<Dictionary<string, JsonNode>> ListAsync(HttpClient client, string field, string filterType, object? filter, string selection)
    {
        var listed = new Dictionary<string, JsonNode>();
        string? after = null;
        do
        {
            var result = await api.PostAsync(client, $$"""query($after: String, $filter: {{filterType}}) { {{field}}(first: 100, after: $after, filter: $filter) { pageInfo { hasNextPage endCursor } nodes { {{selection}} } } }""", new { after, filter });
            Assert.True(result["errors"] is null, result.ToJsonString());
            var page = result["data"]![field]!;
            foreach (var node in page["nodes"]!.AsArray())
                listed[(string)node!["id"]!] = node;
            after = (bool)page["pageInfo"]!["hasNextPage"]! ? (string)page["pageInfo"]!["endCursor"]! : null;
        }
        while (after is not null);
        return listed;
    }

    /// <summary>The objects of <paramref name="ids"/> as <c>nodes(ids:)</c> returns them to the caller, by id.</summary>
    private async Task<Dictionary<string, JsonNode>> NodesAsync(HttpClient client, string type, IEnumerable<string> ids, string selection)
    {
        var found = new Dictionary<string, JsonNode>();
        foreach (var chunk in ids.Chunk(100))
        {
            var result = await api.PostAsync(client, $$"""query($ids: [ID!]!) { nodes(ids: $ids) { ... on {{type}} { {{selection}} } } }""", new { ids = chunk });
            Assert.True(result["errors"] is null, result.ToJsonString());
            foreach (var node in result["data"]!["nodes"]!.AsArray())
                found[(string)node!["id"]!] = node;
        }
        return found;
    }

    private static void AssertSameRows(Dictionary<string, JsonNode> expected, List<JsonObject> rows)
    {
        Assert.NotEmpty(rows);
        Assert.Equal(expected.Keys.Order(), rows.Select(r => (string)r["id"]!).Order());
        Assert.All(rows, row => Assert.True(JsonNode.DeepEquals(expected[(string)row["id"]!], row), $"{row.ToJsonString()}\n≠\n{expected[(string)row["id"]!].ToJsonString()}"));
    }

    public static TheoryData<string, string, string, string, string?> ListedTypes => new()
    {
        { "CLIENTS", "Client", "clients", "ClientFilter", null },
        { "CLIENTS", "Client", "clients", "ClientFilter", """{ "kind": ["COMPANY"] }""" },
        { "DEALS", "Deal", "deals", "DealFilter", null },
        { "DEALS", "Deal", "deals", "DealFilter", """{ "state": "OPEN" }""" },
        { "REFERRALS", "Referral", "referrals", "ReferralFilter", null },
        { "REFERRALS", "Referral", "referrals", "ReferralFilter", """{ "status": ["CONVERTED", "REWARDED"] }""" },
        { "REWARDS", "Reward", "rewards", "RewardFilter", null },
        { "REWARDS", "Reward", "rewards", "RewardFilter", """{ "status": ["EARNED", "APPROVED", "PAID"] }""" },
    };

    [Theory]
    [MemberData(nameof(ListedTypes))]
    public async Task Export_HoldsWhatTheListFieldReturns_WithTheSameFilter_FieldsAndValues(string exportType, string type, string field, string filterType, string? filterJson)
    {
        api.Clock.FixedAt = Now;
        var client = await api.ClientForAsync(DemoClients.Integration);
        var filter = filterJson is null ? null : JsonNode.Parse(filterJson);
        var selection = Selection(type);

        var export = await api.ExportAndRunAsync(client, new Dictionary<string, object?> { ["type"] = exportType, [char.ToLowerInvariant(type[0]) + type[1..] + "Filter"] = filter });
        var rows = await api.DownloadAsync(export);

        Assert.Equal("COMPLETED", (string?)export["status"]);
        Assert.Equal(selection.Keys.ToHashSet(), rows[0].Select(p => p.Key).ToHashSet());
        AssertSameRows(await ListAsync(client, field, filterType, filter, string.Join(' ', selection.Values)), rows);
        if (filter is not null)
            Assert.True(rows.Count < (await ListAsync(client, field, filterType, null, "id")).Count, "The filter leaves some out.");
    }

    [Theory]
    [InlineData("ORDERS", "Order")]
    [InlineData("ACTIVITIES", "Activity")]
    public async Task Export_OfATypeListedPerParent_HoldsEveryObject_AsGraphQLReadsIt(string exportType, string type)
    {
        api.Clock.FixedAt = Now;
        var client = await api.ClientForAsync(DemoClients.Integration);
        var selection = Selection(type);
        var all = await DbAsync(db => type == "Order" ? db.Orders.Select(o => o.Id).ToListAsync() : db.Activities.Select(a => a.Id).ToListAsync());

        var rows = await api.DownloadAsync(await api.ExportAndRunAsync(client, new { type = exportType }));

        Assert.Equal(selection.Keys.ToHashSet(), rows[0].Select(p => p.Key).ToHashSet());
        AssertSameRows(await NodesAsync(client, type, all.Select(id => GlobalId.Encode(type, id)), string.Join(' ', selection.Values)), rows);
    }

    [Fact]
    public async Task AMarketingList_OfLeadsWithMarketingConsent_LeavesTheOthersOut()
    {
        api.Clock.FixedAt = Now;
        var client = await api.ClientForAsync(DemoClients.Integration);
        var filter = new { marketingConsent = true };

        var rows = await api.DownloadAsync(await api.ExportAndRunAsync(client, new { type = "LEADS", leadFilter = filter, fields = new[] { "email", "marketingConsent" } }));

        var consented = await ListAsync(client, "leads", "LeadFilter", filter, "id email marketingConsent");
        AssertSameRows(consented, rows);
        Assert.All(rows, row => Assert.True((bool)row["marketingConsent"]!));
        Assert.True(rows.Count < await DbAsync(db => db.Leads.CountAsync()), "Some leads have no marketing consent.");
    }

    [Fact]
    public async Task Fields_PickTheColumns_InTheTypesOrder_WithTheIdFirst()
    {
        var client = await api.ClientForAsync(DemoClients.Integration);

        var export = await api.ExportAndRunAsync(client, new { type = "DEALS", fields = new[] { "client", "amount", "title" } });
        var rows = await api.DownloadAsync(export);

        Assert.Equal(["id", "title", "amount", "client"], export["fields"]!.AsArray().Select(f => (string)f!));
        Assert.All(rows, row => Assert.Equal(["id", "title", "amount", "client"], row.Select(p => p.Key)));
        Assert.All(rows, row => Assert.NotNull(row["amount"]!["currency"]));
    }

    [Theory]
    [InlineData("CLIENTS", "paidOrderCount")]
    [InlineData("ORDERS", "payments")]
    [InlineData("REWARDS", "firstName")]
    public async Task AFieldTheTypeDoesNotExport_IsAValidationError_AndNothingIsStored(string exportType, string field)
    {
        var before = await StoredExportsAsync();

        var result = await api.StartExportAsync(await api.ClientForAsync(DemoClients.Integration), new { type = exportType, fields = new[] { field } });

        Assert.Equal("VALIDATION", (string?)result["errors"]![0]!["code"]);
        Assert.Equal("fields", (string?)result["errors"]![0]!["field"]);
        Assert.Equal(before, await StoredExportsAsync());
    }

    [Theory]
    [InlineData("CLIENTS", "dealFilter")]
    [InlineData("ORDERS", "clientFilter")]
    [InlineData("LEADS", "rewardFilter")]
    public async Task AnotherTypesFilter_IsAValidationError_AndNothingIsStored(string exportType, string filterField)
    {
        var before = await StoredExportsAsync();

        var result = await api.StartExportAsync(await api.ClientForAsync(DemoClients.Integration), new Dictionary<string, object> { ["type"] = exportType, [filterField] = new { } });

        Assert.Null(result["export"]);
        Assert.Equal("VALIDATION", (string?)result["errors"]![0]!["code"]);
        Assert.Equal(filterField, (string?)result["errors"]![0]!["field"]);
        Assert.Equal(before, await StoredExportsAsync());
    }

    [Fact]
    public async Task AFilterWithAForeignId_IsTheErrorOfTheListField_AndNothingIsStored()
    {
        var before = await StoredExportsAsync();
        var client = await api.ClientForAsync(DemoClients.Integration);

        var result = await api.PostAsync(client, """mutation($input: StartBulkExportInput!) { startBulkExport(input: $input) { export { id } } }""",
            new { input = new { type = "DEALS", dealFilter = new { clientId = GlobalId.Encode(nameof(Lead), 1) } } });

        Assert.Equal("INVALID_ID", (string?)result["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal(before, await StoredExportsAsync());
    }

    [Theory]
    [InlineData("REFERRALS", "Referral", "referrals", "ReferralFilter")]
    [InlineData("REWARDS", "Reward", "rewards", "RewardFilter")]
    public async Task Partner_ExportsOnlyItsOwnReferralsAndRewards(string exportType, string type, string field, string filterType)
    {
        api.Clock.FixedAt = Now;
        var partner = await api.ClientForAsync("partner-bright-ads");
        var selection = string.Join(' ', Selection(type).Values);

        var rows = await api.DownloadAsync(await api.ExportAndRunAsync(partner, new { type = exportType }));

        var own = await ListAsync(partner, field, filterType, null, selection);
        AssertSameRows(own, rows);
        Assert.True(own.Count < (await ListAsync(await api.ClientForAsync(DemoClients.Integration), field, filterType, null, "id")).Count);
    }

    [Theory]
    [InlineData("partner-bright-ads", "CLIENTS")]
    [InlineData("partner-bright-ads", "DEALS")]
    [InlineData("partner-bright-ads", "ORDERS")]
    [InlineData("partner-bright-ads", "ACTIVITIES")]
    public async Task Partner_MayNotExportWhatItCannotList(string clientId, string exportType)
    {
        var before = await StoredExportsAsync();

        var result = await api.StartExportAsync(await api.ClientForAsync(clientId), new { type = exportType });

        Assert.Null(result["export"]);
        Assert.Equal("EXPORT_NOT_ALLOWED", (string?)result["errors"]![0]!["code"]);
        Assert.Equal(before, await StoredExportsAsync());
    }

    [Fact]
    public async Task Manager_MayNotExportRewards_AndExportsTheActivitiesOfTheirOwnLeadsOnly()
    {
        api.Clock.FixedAt = Now;
        var (manager, own, _) = await BusiestManager.SignInAsync(api);
        var before = await StoredExportsAsync();

        var refused = await api.StartExportAsync(manager, new { type = "REWARDS" });
        var rows = await api.DownloadAsync(await api.ExportAndRunAsync(manager, new { type = "ACTIVITIES" }));

        Assert.Equal("EXPORT_NOT_ALLOWED", (string?)refused["errors"]![0]!["code"]);
        Assert.Equal(before + 1, await StoredExportsAsync());
        var visible = await DbAsync(db => db.Activities.Where(a => a.LeadId == null || own.Contains(a.LeadId.Value)).Select(a => a.Id).ToListAsync());
        Assert.True(visible.Count < await DbAsync(db => db.Activities.CountAsync()));
        Assert.Equal(visible.Select(id => GlobalId.Encode(nameof(Activity), id)).Order(), rows.Select(r => (string)r["id"]!).Order());
    }

    [Fact]
    public async Task Bi_MayNotExportAnything()
    {
        var before = await StoredExportsAsync();

        var result = await api.PostAsync(await api.ClientForAsync(DemoClients.Bi), """mutation { startBulkExport(input: { type: DEALS }) { export { id } } }""");

        Assert.Equal("ACCESS_DENIED", (string?)result["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal(before, await StoredExportsAsync());
    }
}

public sealed class DefaultBulkExportTypesTests(DefaultBulkExportApi api) : BulkExportTypesTests<DefaultBulkExportApi>(api), IClassFixture<DefaultBulkExportApi>;

public sealed class PostgresBulkExportTypesTests(PostgresBulkExportApi api) : BulkExportTypesTests<PostgresBulkExportApi>(api), IClassFixture<PostgresBulkExportApi>;
