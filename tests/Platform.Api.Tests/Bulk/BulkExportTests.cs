using System.Net;
using System.Text.Json.Nodes;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Bulk;
using Platform.Api.Tests.Infrastructure;
using Platform.Api.Tests.Privacy;
using Platform.Data;
using Platform.DemoData;
using Platform.Domain.Bulk;
using Platform.Domain.Leads;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Tests.Bulk;

/// <summary>
/// startBulkExport of leads: the rows are what the caller reads through GraphQL (fields, values, global IDs, visibility),
/// streamed a page at a time into a gzip file behind a signed, expiring link; one export per caller; cancel; a node that
/// dies mid-export leaves it to another; files go after the retention.
/// </summary>
public abstract class BulkExportTests<THost>(THost api) where THost : BulkExportHost
{
    private static readonly DateTime Now = ApiHost.SeedTime.AddDays(1);

    private async Task<T> DbAsync<T>(Func<PlatformDbContext, Task<T>> read)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }

    private Task<int> StoredExportsAsync() => DbAsync(db => db.BulkExports.CountAsync());

    private static long LocalId(JsonNode export) => GlobalId.TryDecode((string)export["id"]!, "BulkExport")!.Value;

    [Fact]
    public async Task Export_OfEveryLead_HoldsTheLeadTypesFieldsAndValues_AsGraphQLReadsThem()
    {
        api.Clock.FixedAt = Now;
        var client = await api.ClientForAsync(DemoClients.Integration);

        var export = await api.ExportAndRunAsync(client, new { type = "LEADS" });
        var rows = await api.DownloadAsync(export);

        // Every field of the Lead type but its activities connection, named as the schema names them.
        var schema = api.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var fields = ((IObjectGraphType)schema.AllTypes["Lead"]!).Fields.Select(f => f.Name).Where(f => f != "activities").ToHashSet();
        Assert.Equal(fields, rows[0].Select(p => p.Key).ToHashSet());
        Assert.Equal("COMPLETED", (string?)export["status"]);
        Assert.Equal(await DbAsync(db => db.Leads.CountAsync()), rows.Count);
        Assert.Equal(rows.Count, (long)export["rowCount"]!);
        Assert.Equal(rows.Select(r => (string)r["id"]!).Distinct().Count(), rows.Count);
        // The same values as the list field, reference fields as { id }.
        var selection = string.Join(' ', fields.Select(f => f is "owner" or "client" ? f + " { id }" : f));
        var listed = new Dictionary<string, JsonNode>();
        string? after = null;
        do
        {
            var page = (await api.PostAsync(client, $$"""query($after: String) { leads(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { {{selection}} } } }""", new { after }))["data"]!["leads"]!;
            foreach (var node in page["nodes"]!.AsArray())
                listed[(string)node!["id"]!] = node;
            after = (bool)page["pageInfo"]!["hasNextPage"]! ? (string)page["pageInfo"]!["endCursor"]! : null;
        }
        while (after is not null);
        Assert.All(rows, row => Assert.True(JsonNode.DeepEquals(listed[(string)row["id"]!], row), $"{row.ToJsonString()}\n≠\n{listed[(string)row["id"]!].ToJsonString()}"));
    }

    [Fact]
    public async Task Export_WithAFilterAndFields_HoldsTheFilteredLeads_WithTheIdAndTheFieldsAsked()
    {
        api.Clock.FixedAt = Now;
        var client = await api.ClientForAsync(DemoClients.Integration);
        var filter = new { status = new[] { "NEW", "ASSIGNED" }, temperature = new[] { "WARM" } };

        var export = await api.ExportAndRunAsync(client, new { type = "LEADS", leadFilter = filter, fields = new[] { "status", "firstName", "owner" } });
        var rows = await api.DownloadAsync(export);

        var listed = await api.QueryAsync("query($filter: LeadFilter) { leads(first: 1, filter: $filter) { totalCount } }", new { filter });
        Assert.Equal((int)listed["leads"]!["totalCount"]!, rows.Count);
        Assert.NotEmpty(rows);
        Assert.Equal(["id", "firstName", "status", "owner"], export["fields"]!.AsArray().Select(f => (string)f!));
        Assert.All(rows, row => Assert.Equal(["id", "firstName", "status", "owner"], row.Select(p => p.Key)));
        Assert.All(rows, row => Assert.Contains((string)row["status"]!, new[] { "NEW", "ASSIGNED" }));
    }

    [Fact]
    public async Task Partner_ExportsOnlyTheLeadsItReferredOrWasGiven()
    {
        api.Clock.FixedAt = Now;
        var partner = await api.ClientForAsync("partner-bright-ads");
        var partnerId = await DbAsync(db => db.Partners.Where(p => p.ApiClientId == "partner-bright-ads").Select(p => p.Id).SingleAsync());
        var own = await DbAsync(db => db.Leads.Where(l => l.PartnerId == partnerId || l.AssignedPartnerId == partnerId).Select(l => l.Id).ToListAsync());

        var rows = await api.DownloadAsync(await api.ExportAndRunAsync(partner, new { type = "LEADS" }));

        Assert.NotEmpty(own);
        Assert.True(own.Count < await DbAsync(db => db.Leads.CountAsync()));
        Assert.Equal(own.Select(id => GlobalId.Encode(nameof(Lead), id)).Order(), rows.Select(r => (string)r["id"]!).Order());
    }

    [Fact]
    public async Task Manager_ExportsOnlyTheLeadsTheyOwn()
    {
        api.Clock.FixedAt = Now;
        var (manager, own, _) = await BusiestManager.SignInAsync(api);

        var rows = await api.DownloadAsync(await api.ExportAndRunAsync(manager, new { type = "LEADS" }));

        Assert.NotEmpty(own);
        Assert.Equal(own.Select(id => GlobalId.Encode(nameof(Lead), id)).Order(), rows.Select(r => (string)r["id"]!).Order());
    }

    [Theory]
    [InlineData(DemoClients.Bi)]
    [InlineData(DemoClients.Landing)]
    public async Task CallersWhoMayNotReadLeads_CannotExportThem(string clientId)
    {
        var before = await StoredExportsAsync();

        var result = await api.PostAsync(await api.ClientForAsync(clientId), """mutation { startBulkExport(input: { type: LEADS }) { export { id } } }""");

        Assert.Equal("ACCESS_DENIED", (string?)result["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal(before, await StoredExportsAsync());
    }

    [Fact]
    public async Task ASecondExport_WhileOneIsQueued_IsRefused_UntilTheFirstIsCancelled()
    {
        var client = await api.ClientForAsync(DemoClients.Integration);
        var first = (await api.StartExportAsync(client, new { type = "LEADS" }))["export"]!;
        var stored = await StoredExportsAsync();

        var second = await api.StartExportAsync(client, new { type = "LEADS" });

        Assert.Null(second["export"]);
        Assert.Equal("EXPORT_IN_PROGRESS", (string?)second["errors"]![0]!["code"]);
        Assert.Equal((string?)first["id"], (string?)second["errors"]![0]!["exportId"]);
        Assert.Equal(stored, await StoredExportsAsync());
        // Another caller is not held up.
        var other = await api.StartExportAsync(await api.ClientForAsync("partner-nord-si"), new { type = "LEADS" });
        Assert.Empty(other["errors"]!.AsArray());

        var cancelled = await api.CancelExportAsync(client, (string)first["id"]!);
        Assert.Equal("CANCELLED", (string?)cancelled["export"]!["status"]);
        var third = await api.StartExportAsync(client, new { type = "LEADS" });
        Assert.Empty(third["errors"]!.AsArray());
        await api.RunExportsAsync();
        Assert.Equal("CANCELLED", (string?)(await api.ExportAsync(client, (string)first["id"]!))!["status"]);
        Assert.Equal("COMPLETED", (string?)(await api.ExportAsync(client, (string)third["export"]!["id"]!))!["status"]);
    }

    [Fact]
    public async Task ConcurrentStarts_OfOneCaller_MakeOneExport()
    {
        var client = await api.ClientForAsync("partner-danube-dealers");
        var stored = await StoredExportsAsync();

        var payloads = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => api.StartExportAsync(client, new { type = "LEADS" })));

        Assert.Single(payloads, p => p["export"] is not null);
        Assert.All(payloads.Where(p => p["export"] is null), p => Assert.Equal("EXPORT_IN_PROGRESS", (string?)p["errors"]![0]!["code"]));
        Assert.Equal(stored + 1, await StoredExportsAsync());
        await api.RunExportsAsync();
    }

    [Fact]
    public async Task Cancel_WhileANodeWritesTheFile_StopsItAtTheNextPage_AndLeavesNoFile()
    {
        var client = await api.ClientForAsync(DemoClients.Integration);
        var started = (await api.StartExportAsync(client, new { type = "LEADS" }))["export"]!;
        api.BeforeWrite = async () => Assert.Equal("CANCELLED", (string?)(await api.CancelExportAsync(client, (string)started["id"]!))["export"]!["status"]);
        try
        {
            await api.RunExportsAsync();
        }
        finally
        {
            api.BeforeWrite = null;
        }

        var export = (await api.ExportAsync(client, (string)started["id"]!))!;
        Assert.Equal("CANCELLED", (string?)export["status"]);
        Assert.Null(export["url"]);
        Assert.Empty(Directory.Exists(api.ExportsFolder) ? Directory.GetFiles(api.ExportsFolder, $"{LocalId(export)}-*") : []);
    }

    [Fact]
    public async Task AnErasure_WhileANodeWritesTheFile_StopsIt_AndTheExportIsWrittenAgain_WithoutThePerson()
    {
        api.Clock.FixedAt = Now;
        var admin = await PrivacyApi.StaffAsync(api);
        var client = await api.ClientForAsync(DemoClients.Integration);
        var email = await DbAsync(db => db.Leads.Where(l => l.Email != null).OrderBy(l => l.Id).Select(l => l.Email!).FirstAsync());
        var started = (await api.StartExportAsync(client, new { type = "LEADS" }))["export"]!;
        api.BeforeWrite = async () =>
        {
            api.BeforeWrite = null;
            Assert.Empty((await PrivacyApi.EraseAsync(api, admin, new { email }))["errors"]!.AsArray());
        };
        try
        {
            await api.RunExportsAsync();
        }
        finally
        {
            api.BeforeWrite = null;
        }

        var export = (await api.ExportAsync(client, (string)started["id"]!))!;
        var rows = await api.DownloadAsync(export);
        Assert.Equal("COMPLETED", (string?)export["status"]);
        Assert.Null(export["erasedAt"]);
        Assert.Equal(2, await DbAsync(db => db.BulkExports.Where(e => e.Id == LocalId(export)).Select(e => e.Attempts).SingleAsync()));
        Assert.Equal(await DbAsync(db => db.Leads.CountAsync()), rows.Count);
        Assert.DoesNotContain(rows, row => (string?)row["email"] == email);
    }

    [Fact]
    public async Task Cancel_OfAFinishedExport_IsAnInvalidTransition_AndAnotherCallersExportIsNotFound()
    {
        var client = await api.ClientForAsync(DemoClients.Integration);
        var export = await api.ExportAndRunAsync(client, new { type = "LEADS", fields = new[] { "status" } });

        var again = await api.CancelExportAsync(client, (string)export["id"]!);
        var foreign = await api.CancelExportAsync(await api.ClientForAsync("partner-bright-ads"), (string)export["id"]!);

        Assert.Equal("INVALID_TRANSITION", (string?)again["errors"]![0]!["code"]);
        Assert.Equal("COMPLETED", (string?)(await api.ExportAsync(client, (string)export["id"]!))!["status"]);
        Assert.Equal("NOT_FOUND", (string?)foreign["errors"]![0]!["code"]);
        Assert.Null(await api.ExportAsync(await api.ClientForAsync("partner-bright-ads"), (string)export["id"]!));
        var node = await api.PostAsync(client, "query($id: ID!) { node(id: $id) { ... on BulkExport { status rowCount } } }", new { id = (string)export["id"]! });
        Assert.Equal("COMPLETED", (string?)node["data"]!["node"]!["status"]);
    }

    [Theory]
    [InlineData("activities")]
    [InlineData("phoneClaim")]
    [InlineData("")]
    public async Task AFieldTheLeadTypeDoesNotExport_IsAValidationError_AndNothingIsStored(string field)
    {
        var before = await StoredExportsAsync();

        var payload = await api.StartExportAsync(await api.ClientForAsync(DemoClients.Integration), new { type = "LEADS", fields = new[] { "firstName", field } });

        Assert.Null(payload["export"]);
        Assert.Equal("VALIDATION", (string?)payload["errors"]![0]!["code"]);
        Assert.Equal("fields", (string?)payload["errors"]![0]!["field"]);
        Assert.Equal(before, await StoredExportsAsync());
    }

    [Fact]
    public async Task NoFields_IsAValidationError()
    {
        var payload = await api.StartExportAsync(await api.ClientForAsync(DemoClients.Integration), new { type = "LEADS", fields = Array.Empty<string>() });

        Assert.Equal("fields", (string?)payload["errors"]![0]!["field"]);
    }

    [Fact]
    public async Task AFilterWithAForeignId_IsTheErrorOfTheLeadsField_AndNothingIsStored()
    {
        var before = await StoredExportsAsync();

        var result = await api.PostAsync(await api.ClientForAsync(DemoClients.Integration),
            """mutation { startBulkExport(input: { type: LEADS, leadFilter: { ownerId: "bm90LWFuLWlk" } }) { export { id } } }""");

        Assert.Equal("INVALID_ID", (string?)result["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal(before, await StoredExportsAsync());
    }

    [Fact]
    public async Task AnExportWhoseNodeDied_IsLeftAloneWhileItsLeaseLasts_ThenWrittenAgainByAnotherRound()
    {
        api.Clock.FixedAt = Now;
        var client = await api.ClientForAsync(DemoClients.Integration);
        var started = (await api.StartExportAsync(client, new { type = "LEADS", fields = new[] { "status" } }))["export"]!;
        var id = LocalId(started);
        // A node claimed it, wrote part of its file and died.
        Directory.CreateDirectory(api.ExportsFolder);
        var abandoned = $"{id}-1.jsonl.gz";
        await File.WriteAllTextAsync(Path.Combine(api.ExportsFolder, abandoned + ".part"), "half a file");
        await DbAsync(db => db.BulkExports.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, BulkExportStatus.Running)
            .SetProperty(e => e.Attempts, 1).SetProperty(e => e.Holder, "dead-node").SetProperty(e => e.LockedUntil, Now.AddMinutes(1)).SetProperty(e => e.FileName, abandoned)));
        var runner = api.Services.GetRequiredService<BulkExportRunner>();

        Assert.False(await runner.RunOnceAsync(CancellationToken.None));
        Assert.Equal("RUNNING", (string?)(await api.ExportAsync(client, (string)started["id"]!))!["status"]);
        api.Clock.FixedAt = Now.AddMinutes(1);
        Assert.True(await runner.RunOnceAsync(CancellationToken.None));

        var export = (await api.ExportAsync(client, (string)started["id"]!))!;
        Assert.Equal("COMPLETED", (string?)export["status"]);
        Assert.Equal(await DbAsync(db => db.Leads.CountAsync()), (await api.DownloadAsync(export)).Count);
        Assert.Equal(2, await DbAsync(db => db.BulkExports.Where(e => e.Id == id).Select(e => e.Attempts).SingleAsync()));
        Assert.False(File.Exists(Path.Combine(api.ExportsFolder, abandoned + ".part")));
    }

    [Fact]
    public async Task AnExportStoppedAsOftenAsAllowed_Fails_AndTheCallerMayStartAnother()
    {
        api.Clock.FixedAt = Now;
        var client = await api.ClientForAsync("partner-nord-si");
        await api.RunExportsAsync();
        var started = (await api.StartExportAsync(client, new { type = "LEADS" }))["export"]!;
        var id = LocalId(started);
        await DbAsync(db => db.BulkExports.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, BulkExportStatus.Running)
            .SetProperty(e => e.Attempts, 3).SetProperty(e => e.Holder, "dead-node").SetProperty(e => e.LockedUntil, Now)));

        await api.RunExportsAsync();

        var export = (await api.ExportAsync(client, (string)started["id"]!))!;
        Assert.Equal("FAILED", (string?)export["status"]);
        Assert.Contains("3 times", (string?)export["error"]);
        Assert.Empty((await api.StartExportAsync(client, new { type = "LEADS" }))["errors"]!.AsArray());
        await api.RunExportsAsync();
    }

    [Fact]
    public async Task TheDownloadLink_ExpiresAfterItsLifetime_AndIsRefusedWhenForged()
    {
        api.Clock.FixedAt = Now;
        var client = await api.ClientForAsync(DemoClients.Integration);
        var export = await api.ExportAndRunAsync(client, new { type = "LEADS", fields = new[] { "status" } });
        var url = (string)export["url"]!;
        Assert.Equal(Now.AddHours(1), (DateTime)export["urlExpiresAt"]!);

        var forged = url[..^4] + (url[^4..] == "AAAA" ? "BBBB" : "AAAA");
        using (var response = await api.Anonymous.GetAsync(forged))
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        api.Clock.FixedAt = Now.AddHours(1);
        using (var response = await api.Anonymous.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
            Assert.Contains("LINK_EXPIRED", await response.Content.ReadAsStringAsync());
        }
        // A fresh link works again.
        client = await api.ClientForAsync(DemoClients.Integration);
        Assert.NotEmpty(await api.DownloadAsync((await api.ExportAsync(client, (string)export["id"]!))!));
    }

    [Fact]
    public async Task AfterTheRetention_TheFileIsDeleted_AndTheExportHasNoLink()
    {
        api.Clock.FixedAt = Now;
        var client = await api.ClientForAsync(DemoClients.Integration);
        var export = await api.ExportAndRunAsync(client, new { type = "LEADS", fields = new[] { "status" } });
        var file = Path.Combine(api.ExportsFolder, $"{LocalId(export)}-1.jsonl.gz");
        Assert.Equal(Now.AddDays(7), (DateTime)export["expiresAt"]!);
        var retention = api.Services.GetRequiredService<BulkExportRetention>();

        api.Clock.FixedAt = Now.AddDays(7).AddSeconds(-1);
        await retention.DeleteExpiredAsync(CancellationToken.None);
        Assert.True(File.Exists(file));
        api.Clock.FixedAt = Now.AddDays(7);
        await retention.DeleteExpiredAsync(CancellationToken.None);

        Assert.False(File.Exists(file));
        client = await api.ClientForAsync(DemoClients.Integration);
        var after = (await api.ExportAsync(client, (string)export["id"]!))!;
        Assert.Equal("COMPLETED", (string?)after["status"]);
        Assert.Null(after["url"]);
    }
}

public sealed class DefaultBulkExportTests(DefaultBulkExportApi api) : BulkExportTests<DefaultBulkExportApi>(api), IClassFixture<DefaultBulkExportApi>;

public sealed class PostgresBulkExportTests(PostgresBulkExportApi api) : BulkExportTests<PostgresBulkExportApi>(api), IClassFixture<PostgresBulkExportApi>;
