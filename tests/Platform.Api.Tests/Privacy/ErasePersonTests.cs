using System.Data.Common;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Security;
using Platform.Api.Tests.Bulk;
using Platform.Api.Tests.Infrastructure;
using Platform.Api.Tests.Leads;
using Platform.Data;
using Platform.DemoData;
using Platform.Domain.Leads;
using Platform.Domain.Privacy;

namespace Platform.Api.Tests.Privacy;

/// <summary>
/// erasePerson: the person's data is gone from every column of every table, every KPI reads the same before and after,
/// the person may submit again unless suppressed, and only admins may erase.
/// </summary>
public abstract class ErasePersonTests<THost>(THost api) where THost : ApiHost
{
    /// <summary>A range with partial days at both edges, so KPIs read leads as well as rollups.</summary>
    private static readonly object?[] Ranges =
    [
        new { from = "2025-06-01T05:00:00Z", to = "2026-06-01T13:00:00Z", bucket = "MONTH" },
        new { from = "2025-01-01T00:00:00Z", to = "2027-01-01T00:00:00Z", bucket = "QUARTER" },
    ];

    [Fact]
    public async Task Erase_LeavesNoTraceOfThePhoneOrEmail_InAnyTable_AndEveryKpiTheSame()
    {
        var admin = await PrivacyApi.StaffAsync(api);
        var (phone, email) = await ConvertedPersonAsync();
        var textId = await PrivacyApi.AddConsentTextAsync(api, admin);
        // The person comes back through a form twice: a new lead (the converted one is closed), then a repeat touch.
        foreach (var message in new[] { "Call me about a new site", "Still waiting" })
        {
            var submitted = await PrivacyApi.SubmitFromBrowserAsync(api, api.LandingForm(("phone", phone), ("email", email.ToUpperInvariant()), ("message", message),
                ("marketingConsent", true), ("consentTextId", textId), ("pageUrl", $"https://example.com/offer?email={email}")), "Mozilla/5.0 (Erase test)");
            Assert.Equal("ACCEPTED", (string)submitted["receipt"]!["status"]!);
        }
        Assert.True(await HitsAsync(E164Digits(phone)) > 0 && await HitsAsync(email) > 0, "The person is in the database before the erasure.");
        // Export files: written ones of types that hold people and of one that does not, and one still queued.
        var integration = await api.ClientForAsync(DemoClients.Integration);
        var written = new Dictionary<string, JsonNode>();
        foreach (var type in new[] { "LEADS", "CLIENTS", "ACTIVITIES", "DEALS" })
            written[type] = await api.ExportAndRunAsync(integration, new { type });
        Assert.True(await FileHitsAsync(email) > 0 && await FileHitsAsync("Still waiting") > 0, "The person is in the export files before the erasure.");
        var queued = (await api.StartExportAsync(admin, new { type = "LEADS" }))["export"]!;
        var before = await AllKpisAsync();

        var payload = await PrivacyApi.EraseAsync(api, admin, new { email = email.ToUpperInvariant(), phone });
        await api.RunExportsAsync();

        Assert.Empty(payload["errors"]!.AsArray());
        var erased = payload["erased"]!;
        Assert.True((int)erased["leads"]! >= 2, erased.ToJsonString());
        Assert.True((int)erased["contacts"]! >= 1, erased.ToJsonString());
        Assert.Equal(2, (int)erased["consentRecords"]!);
        Assert.False((bool)erased["suppressed"]!);
        Assert.Equal(0, await HitsAsync(E164Digits(phone)));
        Assert.Equal(0, await HitsAsync(email));
        Assert.Equal(0, await HitsAsync("Erase test"));
        Assert.Equal(0, await HitsAsync("Still waiting"));
        Assert.Equal(before, await AllKpisAsync());
        // No export file holds the person: those that may were deleted, and their exports say why; the queued one was
        // written after the erasure.
        Assert.Equal(3, (int)erased["bulkExports"]!);
        Assert.Equal(0, await FileHitsAsync(E164Digits(phone)));
        Assert.Equal(0, await FileHitsAsync(email));
        Assert.Equal(0, await FileHitsAsync("Still waiting"));
        foreach (var type in new[] { "LEADS", "CLIENTS", "ACTIVITIES" })
        {
            var export = (await api.ExportAsync(integration, (string)written[type]["id"]!))!;
            Assert.Equal("COMPLETED", (string?)export["status"]);
            Assert.NotNull((string?)export["erasedAt"]);
            Assert.Null(export["url"]);
            using var download = await api.Anonymous.GetAsync((string)written[type]["url"]!);
            Assert.Equal(HttpStatusCode.Gone, download.StatusCode);
            Assert.Contains("EXPORT_ERASED", await download.Content.ReadAsStringAsync());
        }
        var deals = (await api.ExportAsync(integration, (string)written["DEALS"]["id"]!))!;
        Assert.Null(deals["erasedAt"]);
        Assert.Equal((long)written["DEALS"]["rowCount"]!, (await api.DownloadAsync(deals)).Count);
        var rewritten = (await api.ExportAsync(admin, (string)queued["id"]!))!;
        Assert.Equal("COMPLETED", (string?)rewritten["status"]);
        Assert.Contains(await api.DownloadAsync(rewritten), row => (string?)row["firstName"] == "[erased]");
    }

    /// <summary>How many stored export files hold <paramref name="text"/> (any letter case), unzipped.</summary>
    private async Task<int> FileHitsAsync(string text)
    {
        var hits = 0;
        foreach (var file in Directory.EnumerateFiles(api.ExportsFolder))
        {
            await using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            using var reader = new StreamReader(gzip);
            if ((await reader.ReadToEndAsync()).Contains(text, StringComparison.OrdinalIgnoreCase))
                hits++;
        }
        return hits;
    }

    [Fact]
    public async Task Erase_WithoutSuppression_ThePersonMaySubmitAgain_AsANewLead()
    {
        var admin = await PrivacyApi.StaffAsync(api);
        var form = LeadApi.Form(("email", $"again-{Guid.NewGuid():N}@example.com"));
        await api.SubmitAsync(form, landingKey: "");
        await PrivacyApi.EraseAsync(api, admin, new { phone = form["phone"] });

        var again = await api.SubmitAsync(LeadApi.Form(("phone", form["phone"]), ("email", form["email"])), landingKey: "");

        Assert.Empty(again["errors"]!.AsArray());
        Assert.False((bool)again["repeatTouch"]!);
        Assert.Equal(1, await LeadsWithAsync(LeadApi.E164(form)));
    }

    [Fact]
    public async Task Erase_WithSuppression_RefusesThePersonsSubmissions_ByPhoneOrEmail_ButNotOthers()
    {
        var admin = await PrivacyApi.StaffAsync(api);
        var form = LeadApi.Form(("email", $"gone-{Guid.NewGuid():N}@example.com"));
        await api.SubmitAsync(form, landingKey: "");

        var payload = await PrivacyApi.EraseAsync(api, admin, new { email = form["email"], phone = form["phone"], suppress = true });
        Assert.True((bool)payload["erased"]!["suppressed"]!);

        var byPhone = await api.SubmitAsync(LeadApi.Form(("phone", form["phone"])), landingKey: "");
        var byEmail = await api.SubmitAsync(LeadApi.Form(("email", ((string)form["email"]!).ToUpperInvariant())), landingKey: "");
        var other = await api.SubmitAsync(LeadApi.Form(), landingKey: "");
        Assert.Equal("PERSON_SUPPRESSED", (string)byPhone["errors"]![0]!["code"]!);
        Assert.Equal("PERSON_SUPPRESSED", (string)byEmail["errors"]![0]!["code"]!);
        Assert.Empty(other["errors"]!.AsArray());
        Assert.Equal(0, await LeadsWithAsync(LeadApi.E164(form)));
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        Assert.Equal(2, await db.Suppressions.CountAsync(s => s.Hash == Suppression.Of("phone", LeadApi.E164(form)) || s.Hash == Suppression.Of("email", (string)form["email"]!)));
    }

    [Theory]
    [InlineData(null, null, "email")]
    [InlineData("12", null, "phone")]
    [InlineData(null, "not-an-email", "email")]
    public async Task Erase_WithoutAValidPhoneOrEmail_IsAValidationError_AndChangesNothing(string? phone, string? email, string field)
    {
        var admin = await PrivacyApi.StaffAsync(api);
        var auditBefore = await CountAsync(db => db.Leads.CountAsync(l => l.FirstName == PersonalData.Erased));

        var payload = await PrivacyApi.EraseAsync(api, admin, new { phone, email });

        Assert.Null(payload["erased"]);
        Assert.Equal(("VALIDATION", field), ((string)payload["errors"]![0]!["code"]!, (string)payload["errors"]![0]!["field"]!));
        Assert.Equal(auditBefore, await CountAsync(db => db.Leads.CountAsync(l => l.FirstName == PersonalData.Erased)));
    }

    [Theory]
    [InlineData(StaffRoles.HeadOfSales)]
    [InlineData(StaffRoles.Manager)]
    public async Task Erase_ByAnyoneButAnAdmin_IsDenied_AndChangesNothing(string role)
    {
        var form = LeadApi.Form();
        await api.SubmitAsync(form, landingKey: "");

        var result = await api.PostAsync(await PrivacyApi.StaffAsync(api, role), """mutation($input: ErasePersonInput!) { erasePerson(input: $input) { errors { __typename } } }""",
            new { input = new { phone = form["phone"] } });
        var integration = await api.PostAsync("""mutation($input: ErasePersonInput!) { erasePerson(input: $input) { errors { __typename } } }""", new { input = new { phone = form["phone"] } });

        Assert.Equal("ACCESS_DENIED", (string)result["errors"]![0]!["extensions"]!["code"]!);
        Assert.Equal("ACCESS_DENIED", (string)integration["errors"]![0]!["extensions"]!["code"]!);
        Assert.Equal(1, await LeadsWithAsync(LeadApi.E164(form)));
    }

    [Fact]
    public async Task Erase_IsAudited_WithoutThePhoneOrEmail()
    {
        var admin = await PrivacyApi.StaffAsync(api);
        var form = LeadApi.Form();
        await api.SubmitAsync(form, landingKey: "");

        await PrivacyApi.EraseAsync(api, admin, new { phone = form["phone"] });

        await using var scope = api.Services.CreateAsyncScope();
        var entry = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().AuditLog.Where(e => e.Operation == "erasePerson").OrderByDescending(e => e.Id).FirstAsync();
        Assert.NotNull(entry.Actor);
        Assert.DoesNotContain(E164Digits((string)form["phone"]!), entry.Details + entry.TargetIds);
    }

    /// <summary>The phone and e-mail of a demo lead converted to a client (so a contact and a client hold them too).</summary>
    private async Task<(string Phone, string Email)> ConvertedPersonAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var lead = await db.Leads.Where(l => l.Status == LeadStatus.Converted && l.Phone != null && l.Email != null
                && db.Contacts.Any(c => c.Phone == l.Phone || c.Email == l.Email))
            .OrderBy(l => l.Id).Select(l => new { l.Phone, l.Email }).FirstAsync();
        return (lead.Phone!, lead.Email!);
    }

    private static string E164Digits(string phone) => new(phone.Where(char.IsDigit).ToArray());

    private async Task<int> LeadsWithAsync(string phone) => await CountAsync(db => db.Leads.CountAsync(l => l.Phone == phone));

    private async Task<int> CountAsync(Func<PlatformDbContext, Task<int>> count)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await count(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }

    /// <summary>How many rows of all tables hold <paramref name="text"/> (any letter case) in any column, read as text.</summary>
    private async Task<int> HitsAsync(string text)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var columns = new List<(string Table, string Column)>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = api.Provider == "Sqlite"
                ? "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'"
                : "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                columns.Add((reader.GetString(0), reader.GetString(1)));
        }
        Assert.Contains(columns, c => c.Table == "ConsentRecords");
        var hits = 0;
        foreach (var table in columns.GroupBy(c => c.Table))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table.Key}\" WHERE "
                + string.Join(" OR ", table.Select(c => $"LOWER(CAST(\"{c.Column}\" AS TEXT)) LIKE @text"));
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@text";
            parameter.Value = $"%{text.ToLowerInvariant()}%";
            command.Parameters.Add(parameter);
            hits += Convert.ToInt32(await command.ExecuteScalarAsync());
        }
        return hits;
    }

    /// <summary>Every <c>*Kpi</c> field of the schema, each with every leaf of its result, per range and dimension: the responses, joined.</summary>
    private async Task<string> AllKpisAsync()
    {
        var bi = await api.ClientForAsync(DemoClients.Bi);
        var schema = api.Services.GetRequiredService<ISchema>();
        var kpis = schema.Query.Fields.Where(f => f.Name.EndsWith("Kpi", StringComparison.Ordinal)).OrderBy(f => f.Name).ToList();
        Assert.True(kpis.Count >= 16, string.Join(", ", kpis.Select(k => k.Name)));
        var answers = new StringBuilder();
        foreach (var kpi in kpis)
        {
            var takesRange = kpi.Arguments?.Any(a => a.Name == "range") == true;
            var arguments = string.Join(", ", (kpi.Arguments ?? []).Select(a => a.Name switch
            {
                "range" => "range: $range",
                "year" => "year: 2026",
                "quarter" => "quarter: 2",
                _ when a.ResolvedType is NonNullGraphType && a.DefaultValue is null => throw new InvalidOperationException($"{kpi.Name}({a.Name}) needs a value in this test."),
                _ => null,
            }).OfType<string>());
            var query = $"query{(takesRange ? "($range: KpiRange!)" : "")} {{ {kpi.Name}{(arguments.Length > 0 ? $"({arguments})" : "")} {Selection(kpi.ResolvedType!, 0)} }}";
            foreach (var range in takesRange ? Ranges : [null])
            {
                foreach (var groupBy in takesRange ? new string?[] { null, "CHANNEL", "LANDING_PAGE", "MANAGER", "ORIGIN", "PARTNER", "TEMPERATURE" } : [null])
                {
                    var variables = range is null ? null : new { range = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(range))!.AsObject().Also(o => o["groupBy"] = groupBy) };
                    var result = await api.PostAsync(bi, query, variables);
                    answers.AppendLine($"{kpi.Name} {groupBy}: {result.ToJsonString()}");
                }
            }
        }
        Assert.DoesNotContain("ACCESS_DENIED", answers.ToString());
        return answers.ToString();
    }

    /// <summary>Every leaf field of <paramref name="type"/> without arguments, nested objects too.</summary>
    private static string Selection(IGraphType type, int depth)
    {
        while (type is IProvideResolvedType wrapper)
            type = wrapper.ResolvedType!;
        if (type is not IComplexGraphType complex)
            return "";
        if (depth > 3)
            return "{ __typename }";
        var fields = complex.Fields.Where(f => f.Arguments is null || f.Arguments.Count == 0)
            .Select(f => $"{f.Name} {Selection(f.ResolvedType!, depth + 1)}");
        return $"{{ {string.Join(" ", fields)} }}";
    }
}

internal static class JsonObjectExtensions
{
    public static JsonObject Also(this JsonObject o, Action<JsonObject> change)
    {
        change(o);
        return o;
    }
}

public sealed class DefaultErasePersonTests(DefaultUncachedKpiApi api) : ErasePersonTests<DefaultUncachedKpiApi>(api), IClassFixture<DefaultUncachedKpiApi>;

public sealed class PostgresErasePersonTests(PostgresUncachedKpiApi api) : ErasePersonTests<PostgresUncachedKpiApi>(api), IClassFixture<PostgresUncachedKpiApi>;
