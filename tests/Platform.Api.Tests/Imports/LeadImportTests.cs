using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Imports;
using Platform.Api.Security;
using Platform.Api.Tests.Privacy;
using Platform.Api.Tests.Infrastructure;
using Platform.Data;
using Platform.DemoData;
using Platform.Domain.Imports;
using Platform.Domain.Leads;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Tests.Imports;

/// <summary>
/// importLeads: an uploaded CSV or JSON Lines file, each row a submitLead of the caller (validation per row, repeat
/// touches, defaults and mapping), per-row results behind a signed link, an idempotent re-run, who may import, cancel,
/// a node that died mid-import, and the errors of a bad upload or a bad mapping.
/// </summary>
public abstract class LeadImportTests<THost>(THost api) where THost : LeadImportHost
{
    private static readonly DateTime Now = ApiHost.SeedTime.AddDays(1);

    private async Task<T> DbAsync<T>(Func<PlatformDbContext, Task<T>> read)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }

    private Task<int> LeadCountAsync() => DbAsync(db => db.Leads.CountAsync());

    private Task<int> StoredImportsAsync() => DbAsync(db => db.LeadImports.CountAsync());

    /// <summary>A phone of a fictional UK range no demo lead has, distinct per test and row.</summary>
    private static string Phone(int test, int row) => $"+44 20 7946 {test:D2}{row:D2}";

    private static long LocalId(JsonNode node) => GlobalId.TryDecode((string)node["id"]!, LeadImportGraphType.TypeName)!.Value;

    [Fact]
    public async Task Csv_WithAMappingAndDefaults_CreatesALeadPerRow_AndTheResultsSayCreated()
    {
        api.Clock.FixedAt = Now;
        var client = await api.ClientForAsync(DemoClients.Integration);
        var csv = $"""
            First name,Mobile,E-mail,Notes,Source
            Anna,{Phone(1, 1)},anna.import1@example.com,"Wants a demo, soon",
            Boris,{Phone(1, 2)},,,WEBSITE
            Clara,{Phone(1, 3)},clara.import1@example.com,,
            """;
        var before = await LeadCountAsync();

        var import = await api.ImportAndRunAsync(client, csv, new
        {
            format = "CSV",
            mapping = new[] { new { column = "First name", field = "firstName" }, new { column = "Mobile", field = "phone" }, new { column = "E-mail", field = "email" }, new { column = "Notes", field = "message" }, new { column = "Source", field = "channel" } },
            defaults = new { channel = "TRADE_SHOW", landingPage = "expo-2026", requestType = "DEMO_DOWNLOAD" },
        });

        Assert.Equal("COMPLETED", (string?)import["status"]);
        Assert.Equal((3, 3, 0, 0), ((long)import["rowCount"]!, (long)import["createdCount"]!, (long)import["touchedCount"]!, (long)import["rejectedCount"]!));
        Assert.Equal(before + 3, await LeadCountAsync());
        var results = await api.ResultsAsync(import);
        Assert.Equal([1L, 2L, 3L], results.Select(r => (long)r["row"]!));
        Assert.All(results, r => Assert.Equal("CREATED", (string?)r["result"]));
        var ids = results.Select(r => GlobalId.TryDecode((string)r["leadId"]!, nameof(Lead))!.Value).ToList();
        var leads = await DbAsync(db => db.Leads.Where(l => ids.Contains(l.Id)).OrderBy(l => l.FirstName).ToListAsync());
        Assert.Equal(["Anna", "Boris", "Clara"], leads.Select(l => l.FirstName));
        Assert.Equal("+442079460101", leads[0].Phone);
        Assert.Equal("Wants a demo, soon", leads[0].Message);
        Assert.Equal(["TRADE_SHOW", "WEBSITE", "TRADE_SHOW"], leads.Select(l => l.Channel));
        Assert.All(leads, l => Assert.Equal("expo-2026", l.LandingPage));
        // Through submitLead's rules: a demo download is answered within 2 hours (T1), form leads start warm (L5).
        Assert.All(leads, l => Assert.Equal(RequestType.DemoDownload, l.RequestType));
        Assert.All(leads, l => Assert.Equal(Now.AddHours(2), l.FirstResponseDueAt));
        Assert.All(leads, l => Assert.Equal(LeadTemperature.Warm, l.Temperature));
    }

    [Fact]
    public async Task Jsonl_RowsWithBadFields_AreRejectedWithTheFieldAndCode_AndNothingOfThemIsStored()
    {
        api.Clock.FixedAt = Now;
        var client = await api.ClientForAsync(DemoClients.Integration);
        var jsonl = string.Join('\n',
            $$"""{"firstName":"Dora","phone":"{{Phone(2, 1)}}","requestType":"CALLBACK"}""",
            $$"""{"firstName":"Emil","phone":"not a phone"}""",
            """{"phone":"+44 20 7946 0203"}""",
            $$"""{"firstName":"Fay","phone":"{{Phone(2, 4)}}","requestType":"TELEPATHY"}""",
            "this is not json",
            $$"""{"firstName":"Gus","phone":"{{Phone(2, 6)}}","email":"gus@"}""",
            "");
        var before = await LeadCountAsync();

        var import = await api.ImportAndRunAsync(client, jsonl, new { format = "JSONL" });

        Assert.Equal((6, 1, 5), ((long)import["rowCount"]!, (long)import["createdCount"]!, (long)import["rejectedCount"]!));
        Assert.Equal(before + 1, await LeadCountAsync());
        var results = (await api.ResultsAsync(import)).ToDictionary(r => (long)r["row"]!);
        Assert.Equal("CREATED", (string?)results[1]["result"]);
        Assert.Equal(RequestType.Callback, await DbAsync(db => db.Leads.Where(l => l.Phone == "+442079460201").Select(l => l.RequestType).SingleAsync()));
        (string? Field, string? Code) Error(long row) => ((string?)results[row]["errors"]![0]!["field"], (string?)results[row]["errors"]![0]!["code"]);
        Assert.Equal(("phone", "VALIDATION"), Error(2));
        Assert.Equal(("firstName", "VALIDATION"), Error(3));
        Assert.Equal(("requestType", "VALIDATION"), Error(4));
        Assert.Equal((null, "MALFORMED_ROW"), Error(5));
        Assert.Equal(("email", "VALIDATION"), Error(6));
        Assert.All(new long[] { 2, 3, 4, 5, 6 }, row => Assert.Equal("REJECTED", (string?)results[row]["result"]));
        Assert.All(new long[] { 2, 3, 4, 5, 6 }, row => Assert.Null(results[row]["leadId"]));
        Assert.Equal(0, await DbAsync(db => db.Leads.CountAsync(l => l.Phone == "+442079460204" || l.Phone == "+442079460206")));
    }

    [Fact]
    public async Task ARowOfAPersonWithAnOpenLead_TouchesIt_InsteadOfCreatingASecond()
    {
        api.Clock.FixedAt = Now;
        var client = await api.ClientForAsync(DemoClients.Integration);
        var open = await DbAsync(db => db.Leads.Where(l => l.Phone != null && l.PhoneClaim != null && l.CreatedAt > Now.AddDays(-30)).OrderBy(l => l.Id)
            .Select(l => new { l.Id, l.Phone, l.TouchCount }).FirstAsync());
        var before = await LeadCountAsync();

        var import = await api.ImportAndRunAsync(client, $"firstName,phone\nHanna,{open.Phone}\nIgor,{Phone(3, 2)}\nIgor,{Phone(3, 2)}\n", new { format = "CSV" });

        Assert.Equal((1L, 2L), ((long)import["createdCount"]!, (long)import["touchedCount"]!));
        Assert.Equal(before + 1, await LeadCountAsync());
        var results = await api.ResultsAsync(import);
        Assert.Equal(["TOUCHED", "CREATED", "TOUCHED"], results.Select(r => (string)r["result"]!));
        Assert.Equal(GlobalId.Encode(nameof(Lead), open.Id), (string?)results[0]["leadId"]);
        Assert.Equal(results[1]["leadId"]!.ToJsonString(), results[2]["leadId"]!.ToJsonString());
        Assert.Equal(open.TouchCount + 1, await DbAsync(db => db.Leads.Where(l => l.Id == open.Id).Select(l => l.TouchCount).SingleAsync()));
    }

    [Fact]
    public async Task ImportingTheSameFileAgain_StoresNothingTwice_AndItsResultsSaySo()
    {
        api.Clock.FixedAt = Now;
        var client = await api.ClientForAsync(DemoClients.Integration);
        var open = await DbAsync(db => db.Leads.Where(l => l.Phone != null && l.PhoneClaim != null && l.CreatedAt > Now.AddDays(-30)).OrderByDescending(l => l.Id)
            .Select(l => new { l.Id, l.Phone }).FirstAsync());
        var csv = $"firstName,phone\nJana,{Phone(4, 1)}\nKarl,{Phone(4, 2)}\nLena,{open.Phone}\nMax,bad\n";
        var first = await api.ImportAndRunAsync(client, csv, new { format = "CSV" });
        var leads = await LeadCountAsync();
        var touches = await DbAsync(db => db.Leads.Where(l => l.Id == open.Id).Select(l => l.TouchCount).SingleAsync());
        var activities = await DbAsync(db => db.Activities.CountAsync());

        var again = await api.ImportAndRunAsync(client, csv, new { format = "CSV" });

        Assert.Equal((2L, 1L, 1L), ((long)first["createdCount"]!, (long)first["touchedCount"]!, (long)first["rejectedCount"]!));
        Assert.Equal((0L, 0L, 1L, 3L), ((long)again["createdCount"]!, (long)again["touchedCount"]!, (long)again["rejectedCount"]!, (long)again["unchangedCount"]!));
        Assert.Equal(first["fileSha256"]!.ToJsonString(), again["fileSha256"]!.ToJsonString());
        Assert.Equal(leads, await LeadCountAsync());
        Assert.Equal(touches, await DbAsync(db => db.Leads.Where(l => l.Id == open.Id).Select(l => l.TouchCount).SingleAsync()));
        Assert.Equal(activities, await DbAsync(db => db.Activities.CountAsync()));
        var firstResults = await api.ResultsAsync(first);
        var againResults = await api.ResultsAsync(again);
        Assert.Equal(["UNCHANGED", "UNCHANGED", "UNCHANGED", "REJECTED"], againResults.Select(r => (string)r["result"]!));
        // The same leads as the first import named.
        Assert.Equal(firstResults.Select(r => r["leadId"]?.ToJsonString()), againResults.Select(r => r["leadId"]?.ToJsonString()));
    }

    [Theory]
    [InlineData(DemoClients.Bi)]
    [InlineData(DemoClients.Landing)]
    [InlineData("partner-bright-ads")]
    public async Task CallersWhoMayNotImport_CannotUploadOrImportOrRead(string clientId)
    {
        var client = await api.ClientForAsync(clientId);
        var fileId = await api.UploadFileAsync(await api.ClientForAsync(DemoClients.Integration), $"firstName,phone\nNina,{Phone(5, 1)}\n");
        var before = await StoredImportsAsync();

        using var upload = await api.UploadAsync(client, $"firstName,phone\nOleg,{Phone(5, 2)}\n");
        var started = await api.PostAsync(client, """mutation($id: String!) { importLeads(input: { fileId: $id, format: CSV }) { import { id } } }""", new { id = fileId });
        var listed = await api.PostAsync(client, "{ leadImports { totalCount } }");

        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        Assert.Equal("ACCESS_DENIED", (string?)started["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal("ACCESS_DENIED", (string?)listed["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal(before, await StoredImportsAsync());
        using var anonymous = await api.UploadAsync(api.Anonymous, "firstName,phone\n");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task AManager_MayNotImport()
    {
        var (manager, _, _) = await BusiestManager.SignInAsync(api);

        var result = await api.PostAsync(manager, """mutation { importLeads(input: { fileId: "x", format: CSV }) { import { id } } }""");

        Assert.Equal("ACCESS_DENIED", (string?)result["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task Cancel_OfAQueuedImport_StopsIt_ACancelledOrFinishedOneIsAnInvalidTransition_AndAnotherCallersIsNotFound()
    {
        api.Clock.FixedAt = Now;
        var client = await api.ClientForAsync(DemoClients.Integration);
        var fileId = await api.UploadFileAsync(client, $"firstName,phone\nPia,{Phone(6, 1)}\n");
        var started = (await api.ImportLeadsAsync(client, new { fileId, format = "CSV" }))["import"]!;
        var before = await LeadCountAsync();

        var cancelled = await api.CancelImportAsync(client, (string)started["id"]!);
        await api.RunImportsAsync();

        Assert.Equal("CANCELLED", (string?)cancelled["import"]!["status"]);
        Assert.Equal("CANCELLED", (string?)(await api.LeadImportAsync(client, (string)started["id"]!))!["status"]);
        Assert.Equal(before, await LeadCountAsync());
        Assert.Equal("INVALID_TRANSITION", (string?)(await api.CancelImportAsync(client, (string)started["id"]!))["errors"]![0]!["code"]);
        var staff = await PrivacyApi.StaffAsync(api, StaffRoles.HeadOfSales);
        Assert.Equal("NOT_FOUND", (string?)(await api.CancelImportAsync(staff, (string)started["id"]!))["errors"]![0]!["code"]);
        Assert.Null(await api.LeadImportAsync(staff, (string)started["id"]!));
        var node = await api.PostAsync(client, "query($id: ID!) { node(id: $id) { ... on LeadImport { status } } }", new { id = (string)started["id"]! });
        Assert.Equal("CANCELLED", (string?)node["data"]!["node"]!["status"]);
    }

    [Fact]
    public async Task AnImportWhoseNodeDied_IsLeftAloneWhileItsLeaseLasts_ThenResumedAfterItsLastCommittedRow()
    {
        api.Clock.FixedAt = Now;
        var client = await api.ClientForAsync(DemoClients.Integration);
        var fileId = await api.UploadFileAsync(client, $"firstName,phone\nQuinn,{Phone(7, 1)}\nRita,{Phone(7, 2)}\nSven,{Phone(7, 3)}\n");
        var started = (await api.ImportLeadsAsync(client, new { fileId, format = "CSV" }))["import"]!;
        var id = LocalId(started);
        // A node claimed it, committed row 1 (as rejected, to tell it from a row processed again) and died.
        await DbAsync(async db =>
        {
            db.LeadImportRows.Add(new LeadImportRow { ImportId = id, RowNumber = 1, Outcome = LeadImportOutcome.Rejected, Errors = "[]" });
            await db.SaveChangesAsync();
            return await db.LeadImports.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, LeadImportStatus.Running).SetProperty(i => i.Attempts, 1)
                .SetProperty(i => i.Holder, "dead-node").SetProperty(i => i.LockedUntil, Now.AddMinutes(1)).SetProperty(i => i.RowCount, 1L).SetProperty(i => i.RejectedCount, 1L));
        });
        var runner = api.Services.GetRequiredService<LeadImportRunner>();

        Assert.False(await runner.RunOnceAsync(CancellationToken.None));
        Assert.Equal("RUNNING", (string?)(await api.LeadImportAsync(client, (string)started["id"]!))!["status"]);
        api.Clock.FixedAt = Now.AddMinutes(1);
        Assert.True(await runner.RunOnceAsync(CancellationToken.None));

        var import = (await api.LeadImportAsync(client, (string)started["id"]!))!;
        Assert.Equal("COMPLETED", (string?)import["status"]);
        Assert.Equal((3L, 2L, 1L), ((long)import["rowCount"]!, (long)import["createdCount"]!, (long)import["rejectedCount"]!));
        Assert.Equal(["REJECTED", "CREATED", "CREATED"], (await api.ResultsAsync(import)).Select(r => (string)r["result"]!));
        Assert.Equal(0, await DbAsync(db => db.Leads.CountAsync(l => l.Phone == "+442079460701")));
        Assert.Equal(2, await DbAsync(db => db.LeadImports.Where(i => i.Id == id).Select(i => i.Attempts).SingleAsync()));
    }

    [Fact]
    public async Task ABadUpload_IsRefusedWithItsCode_AndNothingIsKept()
    {
        var client = await api.ClientForAsync(DemoClients.Integration);
        var files = await DbAsync(db => db.ImportFiles.CountAsync());

        using var empty = await api.UploadAsync(client, "");
        using var tooLarge = await api.UploadAsync(client, "firstName,phone\n" + new string('x', LeadImportHost.MaxFileBytes));
        using var form = new MultipartFormDataContent { { new StringContent("firstName,phone\n"), "file", "leads.csv" } };
        using var multipart = await client.PostAsync(ImportFileUpload.Path, form);

        Assert.Equal((HttpStatusCode.BadRequest, "EMPTY_FILE"), (empty.StatusCode, await CodeAsync(empty)));
        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "FILE_TOO_LARGE"), (tooLarge.StatusCode, await CodeAsync(tooLarge)));
        Assert.Equal((HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE"), (multipart.StatusCode, await CodeAsync(multipart)));
        Assert.Equal(files, await DbAsync(db => db.ImportFiles.CountAsync()));
        Assert.Empty(Directory.Exists(api.ExportsFolder) ? Directory.GetFiles(api.ExportsFolder, "upload-*.part") : []);

        static async Task<string?> CodeAsync(HttpResponseMessage response) =>
            (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![0]!["extensions"]!["code"];
    }

    [Theory]
    [InlineData("JSONL", null, "format")]
    [InlineData("CSV", "[{\"column\":\"name\",\"field\":\"firstName\"}]", "mapping")]
    [InlineData("CSV", "[{\"column\":\"name\",\"field\":\"firstName\"},{\"column\":\"tel\",\"field\":\"phone\"},{\"column\":\"tel\",\"field\":\"email\"}]", "mapping")]
    [InlineData("CSV", "[{\"column\":\"name\",\"field\":\"firstName\"},{\"column\":\"fax\",\"field\":\"phone\"}]", "mapping")]
    [InlineData("CSV", "[{\"column\":\"name\",\"field\":\"firstName\"},{\"column\":\"tel\",\"field\":\"honeypot\"}]", "mapping")]
    public async Task AFileThatIsNotItsFormat_OrAMappingThatFeedsNoPhone_IsAValidationError_AndNothingIsStored(string format, string? mapping, string field)
    {
        var client = await api.ClientForAsync(DemoClients.Integration);
        var fileId = await api.UploadFileAsync(client, $"name,tel\nUrs,{Phone(8, 1)}\n");
        var before = await StoredImportsAsync();

        var payload = await api.ImportLeadsAsync(client, new { fileId, format, mapping = mapping is null ? null : JsonNode.Parse(mapping) });

        Assert.Null(payload["import"]);
        Assert.Equal(("VALIDATION", field), ((string?)payload["errors"]![0]!["code"], (string?)payload["errors"]![0]!["field"]));
        Assert.Equal(before, await StoredImportsAsync());
    }

    [Fact]
    public async Task AnUnknownFormat_OrAnotherCallersFile_IsRefused_AndNothingIsStored()
    {
        var client = await api.ClientForAsync(DemoClients.Integration);
        var fileId = await api.UploadFileAsync(client, $"firstName,phone\nVera,{Phone(9, 1)}\n");
        var before = await StoredImportsAsync();

        var unknown = await api.PostAsync(client, """mutation($id: String!) { importLeads(input: { fileId: $id, format: XLSX }) { import { id } } }""", new { id = fileId });
        var staff = await PrivacyApi.StaffAsync(api, StaffRoles.HeadOfSales);
        var foreign = await api.ImportLeadsAsync(staff, new { fileId, format = "CSV" });
        var missing = await api.ImportLeadsAsync(client, new { fileId = "0123456789abcdef0123456789abcdef", format = "CSV" });

        Assert.NotNull(unknown["errors"]);
        Assert.Null(unknown["data"]);
        Assert.Equal("NOT_FOUND", (string?)foreign["errors"]![0]!["code"]);
        Assert.Equal("NOT_FOUND", (string?)missing["errors"]![0]!["code"]);
        Assert.Equal(before, await StoredImportsAsync());
        // A head of sales imports a file of their own.
        var own = await api.ImportAndRunAsync(staff, $"firstName,phone\nWill,{Phone(9, 2)}\n", new { format = "CSV" });
        Assert.Equal(1L, (long)own["createdCount"]!);
    }

    [Fact]
    public async Task AfterTheRetention_UploadsAndResultsAreDeleted_ExceptTheFileOfAQueuedImport()
    {
        api.Clock.FixedAt = Now;
        var client = await api.ClientForAsync(DemoClients.Integration);
        var fileId = await api.UploadFileAsync(client, $"firstName,phone\nOla,{Phone(20, 1)}\n");
        var started = await api.ImportLeadsAsync(client, LeadImportCalls.WithFile(new { format = "CSV" }, fileId));
        await api.RunImportsAsync();
        var done = (await api.LeadImportAsync(client, (string)started["import"]!["id"]!))!;
        var queuedFile = await api.UploadFileAsync(client, $"firstName,phone\nPia,{Phone(20, 2)}\n");
        var queued = await api.ImportLeadsAsync(client, LeadImportCalls.WithFile(new { format = "CSV" }, queuedFile));
        Assert.Equal(Now.AddDays(7), (DateTime)done["resultsExpireAt"]!);
        var retention = api.Services.GetRequiredService<LeadImportRetention>();
        Task<int> ResultRowsAsync() => DbAsync(db => db.LeadImportRows.CountAsync(r => r.ImportId == LocalId(done)));

        api.Clock.FixedAt = Now.AddDays(7).AddSeconds(-1);
        await retention.DeleteExpiredAsync(CancellationToken.None);
        client = await api.ClientForAsync(DemoClients.Integration);
        var kept = (await api.LeadImportAsync(client, (string)done["id"]!))!;
        Assert.Single(await api.ResultsAsync(kept));
        Assert.Equal(1, await ResultRowsAsync());

        api.Clock.FixedAt = Now.AddDays(7);
        await retention.DeleteExpiredAsync(CancellationToken.None);

        var after = (await api.LeadImportAsync(client, (string)done["id"]!))!;
        Assert.Equal(("COMPLETED", 1L), ((string?)after["status"], (long)after["createdCount"]!));
        Assert.Null(after["resultsUrl"]);
        Assert.Null(after["resultsExpireAt"]);
        using (var response = await api.Anonymous.GetAsync((string)kept["resultsUrl"]!))
        {
            Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
            Assert.Contains("RESULTS_EXPIRED", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(0, await ResultRowsAsync());
        var again = await api.ImportLeadsAsync(client, LeadImportCalls.WithFile(new { format = "CSV" }, fileId));
        Assert.Equal("NOT_FOUND", (string?)again["errors"]![0]!["code"]);
        // The queued import's file was kept for it.
        await api.RunImportsAsync();
        var ran = (await api.LeadImportAsync(client, (string)queued["import"]!["id"]!))!;
        Assert.Equal(("COMPLETED", 1L), ((string?)ran["status"], (long)ran["createdCount"]!));
    }

    [Fact]
    public async Task AnErasure_DeletesEveryUploadNoQueuedOrRunningImportReads()
    {
        api.Clock.FixedAt = Now;
        var client = await api.ClientForAsync(DemoClients.Integration);
        var imported = await api.UploadFileAsync(client, $"firstName,phone\nRuth,{Phone(21, 1)}\n");
        await api.ImportLeadsAsync(client, LeadImportCalls.WithFile(new { format = "CSV" }, imported));
        await api.RunImportsAsync();
        var neverImported = await api.UploadFileAsync(client, $"firstName,phone\nRuth,{Phone(21, 1)}\nSven,{Phone(21, 2)}\n");
        var queuedFile = await api.UploadFileAsync(client, $"firstName,phone\nTina,{Phone(21, 3)}\n");
        var queued = await api.ImportLeadsAsync(client, LeadImportCalls.WithFile(new { format = "CSV" }, queuedFile));
        var store = api.Services.GetRequiredService<Platform.Api.Bulk.IBulkFileStore>();
        bool Stored(string fileId)
        {
            using var file = store.OpenRead(new ImportFile { Id = fileId }.StoredName);
            return file is not null;
        }
        Assert.True(Stored(imported) && Stored(neverImported) && Stored(queuedFile));

        var payload = await PrivacyApi.EraseAsync(api, await PrivacyApi.StaffAsync(api), new { phone = Phone(21, 1) });

        Assert.True((int)payload["erased"]!["importUploads"]! >= 2, payload.ToJsonString());
        Assert.False(Stored(imported));
        Assert.False(Stored(neverImported));
        Assert.Equal("NOT_FOUND", (string?)(await api.ImportLeadsAsync(client, LeadImportCalls.WithFile(new { format = "CSV" }, neverImported)))["errors"]![0]!["code"]);
        // The queued import's file stays, and its rows are imported.
        Assert.True(Stored(queuedFile));
        await api.RunImportsAsync();
        var ran = (await api.LeadImportAsync(client, (string)queued["import"]!["id"]!))!;
        Assert.Equal(("COMPLETED", 1L), ((string?)ran["status"], (long)ran["createdCount"]!));
    }
}


public sealed class DefaultLeadImportTests(DefaultLeadImportApi api) : LeadImportTests<DefaultLeadImportApi>(api), IClassFixture<DefaultLeadImportApi>;
public sealed class PostgresLeadImportTests(PostgresLeadImportApi api) : LeadImportTests<PostgresLeadImportApi>(api), IClassFixture<PostgresLeadImportApi>;
