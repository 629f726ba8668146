using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Api.Leads.Spool;
using Platform.Api.Leads.Submission;
using Platform.Api.Tests.Infrastructure;
using Platform.Api.Tests.Leads;
using Platform.Data;
using Platform.DemoData;
using Platform.Domain.Privacy;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Tests.Privacy;

/// <summary>
/// Consent texts are versions staff add; every accepted submission stores its consent evidence once — through the
/// batch, the one-by-one way and the spool — and a lead without consent is kept but flagged and filterable.
/// </summary>
public abstract class ConsentEvidenceTests<THost>(THost api) where THost : ApiHost
{
    [Fact]
    public async Task ConsentTexts_AreAddedByAdmins_AndListedNewestFirst()
    {
        var admin = await PrivacyApi.StaffAsync(api);
        var first = await PrivacyApi.AddConsentTextAsync(api, admin, "Version one");
        var second = await PrivacyApi.AddConsentTextAsync(api, admin, "Version two\nwith a second line");

        var data = await api.QueryAsync("{ consentTexts(first: 2) { nodes { id text createdBy } } }");

        Assert.Equal([second, first], data["consentTexts"]!["nodes"]!.AsArray().Select(n => (string)n!["id"]!));
        Assert.Equal("Version two\nwith a second line", (string)data["consentTexts"]!["nodes"]![0]!["text"]!);
    }

    [Theory]
    [InlineData("", "text")]
    [InlineData("I agree\u0000", "text")]
    public async Task AddConsentText_WithABadText_IsAValidationError_AndStoresNothing(string text, string field)
    {
        var admin = await PrivacyApi.StaffAsync(api);
        var count = await CountAsync(db => db.ConsentTexts.CountAsync());

        var result = await api.PostAsync(admin, $$"""mutation($input: AddConsentTextInput!) { addConsentText(input: $input) { consentText { id } {{PrivacyApi.Errors}} } }""", new { input = new { text } });

        Assert.Equal(field, (string)result["data"]!["addConsentText"]!["errors"]![0]!["field"]!);
        Assert.Equal(count, await CountAsync(db => db.ConsentTexts.CountAsync()));
    }

    [Fact]
    public async Task AddConsentText_ByAHeadOfSales_IsDenied()
    {
        var result = await api.PostAsync(await PrivacyApi.StaffAsync(api, Platform.Api.Security.StaffRoles.HeadOfSales),
            """mutation { addConsentText(input: { text: "x" }) { consentText { id } } }""");

        Assert.Equal("ACCESS_DENIED", (string)result["errors"]![0]!["extensions"]!["code"]!);
    }

    [Fact]
    public async Task Submission_RecordsTheEvidence_OfANewLeadAndOfARepeatTouch()
    {
        var admin = await PrivacyApi.StaffAsync(api);
        var textId = await PrivacyApi.AddConsentTextAsync(api, admin);
        api.Clock.FixedAt = new DateTime(2026, 6, 2, 9, 30, 0, DateTimeKind.Utc);
        try
        {
            var rendered = ("formRenderedAt", (object?)api.Clock.FixedAt.Value.AddMinutes(-1));
            var form = api.LandingForm(rendered, ("marketingConsent", true), ("consentTextId", textId), ("pageUrl", "https://example.com/offer"));
            await PrivacyApi.SubmitFromBrowserAsync(api, form, "Mozilla/5.0 (first)");
            var again = api.LandingForm(rendered, ("phone", form["phone"]), ("pageUrl", "https://example.com/contact"));
            await PrivacyApi.SubmitFromBrowserAsync(api, again, "Mozilla/5.0 (second)");

            var records = await RecordsAsync(LeadApi.E164(form));
            Assert.Equal(2, records.Count);
            Assert.Equal((true, GlobalId.TryDecode(textId, "ConsentText"), api.Clock.FixedAt.Value, "https://example.com/offer", "Mozilla/5.0 (first)"),
                (records[0].Granted, records[0].ConsentTextId, records[0].GivenAt, records[0].PageUrl, records[0].UserAgent));
            Assert.Equal((false, (long?)null, "https://example.com/contact", "Mozilla/5.0 (second)"),
                (records[1].Granted, records[1].ConsentTextId, records[1].PageUrl, records[1].UserAgent));
            Assert.Single(records.Select(r => r.LeadId).Distinct());
        }
        finally
        {
            api.Clock.FixedAt = null;
        }
    }

    [Fact]
    public async Task Submission_OneByOne_RecordsTheEvidence_OfANewLeadAndOfARepeatTouch_Once_PerIdempotencyKey()
    {
        var partnerClient = await PartnerClientAsync();
        var form = LeadApi.Form(("marketingConsent", true), ("consentText", "I agree."));
        // A partner's submissions take the one-by-one way; the second is a retry of the first's touch.
        await SubmitAsAsync(partnerClient, form, "key-1");
        await SubmitAsAsync(partnerClient, LeadApi.Form(("phone", form["phone"])), "key-2");
        await SubmitAsAsync(partnerClient, LeadApi.Form(("phone", form["phone"])), "key-2");

        var records = await RecordsAsync(LeadApi.E164(form));
        Assert.Equal([true, false], records.Select(r => r.Granted));
    }

    [Fact]
    public async Task Submission_WithAnUnknownConsentText_IsAValidationError_AndStoresNothing()
    {
        var form = LeadApi.Form(("marketingConsent", true), ("consentTextId", GlobalId.Encode("ConsentText", 987654321)));

        var payload = await api.SubmitAsync(form, landingKey: "");

        Assert.Equal("consentTextId", (string)payload["errors"]![0]!["field"]!);
        Assert.Equal(0, await CountAsync(db => db.Leads.CountAsync(l => l.Phone == LeadApi.E164(form))));
    }

    [Fact]
    public async Task Submission_WithConsentButNoText_IsAValidationError()
    {
        var payload = await api.SubmitAsync(LeadApi.Form(("marketingConsent", true)), landingKey: "");

        Assert.Equal("consentText", (string)payload["errors"]![0]!["field"]!);
    }

    [Fact]
    public async Task LeadsWithoutConsent_AreKept_AndFilteredApart()
    {
        var with = LeadApi.Form(("marketingConsent", true), ("consentText", "I agree."));
        var without = LeadApi.Form();
        var withId = (string)(await api.SubmitAsync(with, landingKey: ""))["lead"]!["id"]!;
        var withoutId = (string)(await api.SubmitAsync(without, landingKey: ""))["lead"]!["id"]!;

        var data = await api.QueryAsync("""
            { yes: leads(first: 100, filter: { marketingConsent: true, search: "PHONE1" }) { nodes { id marketingConsent } }
              no: leads(first: 100, filter: { marketingConsent: false, search: "PHONE2" }) { nodes { id marketingConsent } }
              none: leads(first: 100, filter: { marketingConsent: false, search: "PHONE1" }) { nodes { id } } }
            """.Replace("PHONE1", LeadApi.E164(with)).Replace("PHONE2", LeadApi.E164(without)));

        Assert.Equal(withId, (string)data["yes"]!["nodes"]![0]!["id"]!);
        Assert.Equal(withoutId, (string)data["no"]!["nodes"]![0]!["id"]!);
        Assert.False((bool)data["no"]!["nodes"]![0]!["marketingConsent"]!);
        Assert.Empty(data["none"]!["nodes"]!.AsArray());
    }

    [Fact]
    public async Task SpooledSubmission_StoresItsEvidenceOnce_EvenWhenStoredAgainAfterACrash()
    {
        var admin = await PrivacyApi.StaffAsync(api);
        var textId = await PrivacyApi.AddConsentTextAsync(api, admin);
        var input = new SubmitLeadInput { FirstName = "Spooled", Phone = LeadApi.NewPhone(), MarketingConsent = true, ConsentTextId = textId, PageUrl = "https://example.com/spool" };
        var from = new SubmissionContext(null, null, DemoClients.Integration, "203.0.113.9") { UserAgent = "Mozilla/5.0 (spooled)" };
        var entry = new SpooledSubmission(input, from, new SpooledActor(DemoClients.Integration, DemoClients.Integration, null, null)).ToJson();
        var spool = api.Services.GetRequiredService<SubmissionSpool>();
        var drain = api.Services.GetServices<IHostedService>().OfType<SpoolDrain>().Single();
        var receipt = Guid.NewGuid();

        // Stored, then spooled again under its receipt as if the node had crashed before taking it off the spool.
        await spool.TryEnqueueAsync(receipt, entry, DateTime.UtcNow, default);
        await drain.DrainAsync(default);
        await spool.TryEnqueueAsync(receipt, entry, DateTime.UtcNow, default);
        await drain.DrainAsync(default);

        var records = await RecordsAsync("+" + new string(input.Phone.Where(char.IsDigit).ToArray()));
        var record = Assert.Single(records);
        Assert.Equal((true, "203.0.113.9", "Mozilla/5.0 (spooled)", "https://example.com/spool"), (record.Granted, record.IpAddress, record.UserAgent, record.PageUrl));
    }

    private async Task<List<ConsentRecord>> RecordsAsync(string phone) =>
        await QueryAsync(db => db.ConsentRecords.Where(r => db.Leads.Any(l => l.Id == r.LeadId && l.Phone == phone)).OrderBy(r => r.Id).ToListAsync());

    private async Task<HttpClient> PartnerClientAsync()
    {
        var clientId = await QueryAsync(db => db.Partners.Where(p => p.ApiClientId != null && p.IsActive).OrderBy(p => p.Id).Select(p => p.ApiClientId!).FirstAsync());
        return await api.ClientForAsync(clientId);
    }

    private async Task SubmitAsAsync(HttpClient client, Dictionary<string, object?> form, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { query = "mutation($input: SubmitLeadInput!) { submitLead(input: $input) { errors { ... on Error { code } } } }", variables = new { input = form } }),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await client.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(body["errors"] is null, body.ToJsonString());
        Assert.Empty(body["data"]!["submitLead"]!["errors"]!.AsArray());
    }

    private Task<int> CountAsync(Func<PlatformDbContext, Task<int>> count) => QueryAsync(count);

    private async Task<T> QueryAsync<T>(Func<PlatformDbContext, Task<T>> query)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }
}

public sealed class DefaultConsentEvidenceTests(DefaultApi api) : ConsentEvidenceTests<DefaultApi>(api), IClassFixture<DefaultApi>;

public sealed class PostgresConsentEvidenceTests(PostgresApi api) : ConsentEvidenceTests<PostgresApi>(api), IClassFixture<PostgresApi>;
