using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Infrastructure;
using Platform.Data;
using Platform.DemoData;
using Platform.Domain.Leads;
using Platform.Domain.Referrals;

namespace Platform.Api.Tests.Leads;

/// <summary>
/// What a submission tells its caller. A landing page (public) gets a receipt of the same shape whether the person is
/// new, known or a retry, and cannot tell a made-up referral code from a revoked one. A partner learns that a person is
/// already registered, nothing more, and gets no attribution for them.
/// </summary>
public abstract class SubmissionDisclosureTests<THost>(THost api) where THost : ApiHost
{
    private const string Mutation = """
        mutation($input: SubmitLeadInput!) {
          submitLead(input: $input) {
            receipt { id status firstResponseDueAt } lead { id } repeatTouch
            warnings { ... on ValidationError { field message code } }
            errors { __typename ... on Error { code message } }
          }
        }
        """;

    private async Task<JsonNode> SubmitAsync(HttpClient client, Dictionary<string, object?> input, bool landingKey, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = Mutation, variables = new { input } }) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (landingKey)
            request.Headers.Add("X-Landing-Key", DemoDataset.DemoLandingKey);
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await client.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(body["errors"] is null, body.ToJsonString());
        return body["data"]!["submitLead"]!;
    }

    /// <summary>Submits as a landing page, with a fresh form token (each form fill has its own).</summary>
    private Task<JsonNode> PublicAsync(Dictionary<string, object?> input, string? idempotencyKey = null) =>
        SubmitAsync(api.Anonymous, new(input) { ["formToken"] = api.FormToken() }, landingKey: true, idempotencyKey);

    private async Task<T> WithDbAsync<T>(Func<PlatformDbContext, Task<T>> work)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }

    /// <summary>The answer with what differs between any two submissions (the receipt's id and deadline) blanked.</summary>
    private static string Shape(JsonNode payload)
    {
        var copy = payload.DeepClone();
        copy["receipt"]!["id"] = "*";
        copy["receipt"]!["firstResponseDueAt"] = "*";
        return copy.ToJsonString();
    }

    [Fact]
    public async Task PublicCaller_GetsTheSameAnswer_ForANewPersonARepeatTouchAndARetry()
    {
        var form = LeadApi.Form();
        var key = Guid.NewGuid().ToString();

        var created = await PublicAsync(form, key);
        var retried = await PublicAsync(form, key);
        var repeated = await PublicAsync(form);
        var repeatedWithKey = await PublicAsync(form, Guid.NewGuid().ToString());

        var expected = """{"receipt":{"id":"*","status":"ACCEPTED","firstResponseDueAt":"*"},"lead":null,"repeatTouch":false,"warnings":[],"errors":[]}""";
        Assert.All(new[] { created, retried, repeated, repeatedWithKey }, p => Assert.Equal(expected, Shape(p)));
        Assert.Equal((string)created["receipt"]!["id"]!, (string)retried["receipt"]!["id"]!); // a retry: the same receipt
        Assert.Equal(3, new[] { created, repeated, repeatedWithKey }.Select(p => (string)p["receipt"]!["id"]!).Distinct().Count());
        var phone = LeadApi.E164(form);
        Assert.Equal(3, await WithDbAsync(db => db.Leads.Where(l => l.Phone == phone).Select(l => l.TouchCount).SingleAsync()));
    }

    [Fact]
    public async Task PublicCaller_ReceiptDeadline_IsTheFirstResponseTime_OfTheSubmission()
    {
        api.Clock.FixedAt = DateTime.UtcNow;
        try
        {
            var form = LeadApi.Form(("requestType", "DEMO_DOWNLOAD"));
            var created = await PublicAsync(form);
            var repeated = await PublicAsync(form);

            Assert.Equal(api.Clock.FixedAt.Value.AddHours(2), (DateTime)created["receipt"]!["firstResponseDueAt"]!, TimeSpan.FromMilliseconds(1));
            Assert.Equal(api.Clock.FixedAt.Value.AddHours(2), (DateTime)repeated["receipt"]!["firstResponseDueAt"]!, TimeSpan.FromMilliseconds(1));
        }
        finally
        {
            api.Clock.FixedAt = null;
        }
    }

    [Fact]
    public async Task PublicCaller_CannotTellAnUnknownReferralCode_FromARevokedOrExpiredOne()
    {
        var program = await WithDbAsync(db => db.ReferralCodes.Where(c => c.Code == "BRIGHT-10").Select(c => new { c.ProgramId, c.PartnerId }).SingleAsync());
        var (revoked, expired) = ($"REV-{Guid.NewGuid():N}"[..16], $"EXP-{Guid.NewGuid():N}"[..16]);
        await WithDbAsync(db =>
        {
            db.ReferralCodes.Add(new ReferralCode { Code = revoked, ProgramId = program.ProgramId, PartnerId = program.PartnerId, RevokedAt = DateTime.UtcNow.AddDays(-1) });
            db.ReferralCodes.Add(new ReferralCode { Code = expired, ProgramId = program.ProgramId, PartnerId = program.PartnerId, ExpiresAt = DateTime.UtcNow.AddDays(-1) });
            return db.SaveChangesAsync();
        });
        var known = LeadApi.Form();
        (await PublicAsync(known)).AssertOk();

        var warnings = new List<string>();
        foreach (var code in new[] { "NO-SUCH-CODE", revoked, expired })
        {
            foreach (var form in new[] { LeadApi.Form(("referralCode", code)), LeadApi.Form(("phone", known["phone"]), ("referralCode", code)) })
            {
                var payload = await PublicAsync(form);
                payload.AssertOk();
                var warning = Assert.Single(payload["warnings"]!.AsArray())!;
                Assert.Equal("referralCode", (string)warning["field"]!);
                warnings.Add(((string)warning["message"]!).Replace(code, "CODE"));
            }
        }

        Assert.Single(warnings.Distinct());
        // A usable code on a known person warns of nothing either, as on a new one.
        Assert.Empty((await PublicAsync(LeadApi.Form(("phone", known["phone"]), ("referralCode", "BRIGHT-10"))))["warnings"]!.AsArray());
    }

    [Fact]
    public async Task Partner_SubmittingAPersonWithAnOpenLead_IsToldAlreadyRegistered_AndGetsNoLeadNorAttribution()
    {
        var form = LeadApi.Form();
        var existing = await api.NewLeadAsync(("phone", form["phone"]));
        var partner = await api.ClientForAsync("partner-bright-ads");

        var payload = await SubmitAsync(partner, form, landingKey: false);

        var error = payload.Error();
        Assert.Equal("ALREADY_REGISTERED", (string)error["code"]!);
        Assert.Equal("AlreadyRegisteredError", (string)error["__typename"]!);
        Assert.Null(payload["lead"]);
        Assert.Null(payload["receipt"]);
        Assert.False((bool)payload["repeatTouch"]!);
        var phone = LeadApi.E164(form);
        var lead = await WithDbAsync(db => db.Leads.AsNoTracking().SingleAsync(l => l.Phone == phone));
        Assert.Equal((2, null), (lead.TouchCount, lead.PartnerId)); // the sales team sees the touch
        Assert.Equal(0, await WithDbAsync(db => db.Referrals.CountAsync(r => r.LeadId == lead.Id)));
        Assert.Equal((string)existing["id"]!, Platform.GraphQL.Server.Relay.GlobalId.Encode("Lead", lead.Id));
    }

    [Fact]
    public async Task PartnerCode_OnAPersonWithAnOpenLead_AttributesNothing()
    {
        var form = LeadApi.Form();
        await api.NewLeadAsync(("phone", form["phone"]));

        var publicAnswer = await PublicAsync(LeadApi.Form(("phone", form["phone"]), ("referralCode", "BRIGHT-10")));
        var trusted = await api.SubmitAsync(LeadApi.Form(("phone", form["phone"]), ("referralCode", "BRIGHT-10")));

        publicAnswer.AssertOk();
        trusted.AssertOk();
        Assert.True((bool)trusted["repeatTouch"]!);
        Assert.Contains("not applied", (string)Assert.Single(trusted["warnings"]!.AsArray())!["message"]!);
        var phone = LeadApi.E164(form);
        var lead = await WithDbAsync(db => db.Leads.AsNoTracking().SingleAsync(l => l.Phone == phone));
        Assert.Equal((3, null, LeadOrigin.Net), (lead.TouchCount, lead.PartnerId, lead.Origin));
        Assert.Equal(0, await WithDbAsync(db => db.Referrals.CountAsync(r => r.LeadId == lead.Id)));
    }

    [Fact]
    public async Task Partner_ResubmittingItsOwnReferral_GetsItsLeadBack_AsARepeatTouch()
    {
        var partner = await api.ClientForAsync("partner-bright-ads");
        var form = LeadApi.Form();

        var first = await SubmitAsync(partner, form, landingKey: false);
        var again = await SubmitAsync(partner, form, landingKey: false);

        first.AssertOk();
        again.AssertOk();
        Assert.True((bool)again["repeatTouch"]!);
        Assert.Equal((string)first["lead"]!["id"]!, (string)again["lead"]!["id"]!);
        var phone = LeadApi.E164(form);
        Assert.Equal(2, await WithDbAsync(db => db.Leads.Where(l => l.Phone == phone).Select(l => l.TouchCount).SingleAsync()));
    }
}

public sealed class DefaultSubmissionDisclosureTests(DefaultApi api) : SubmissionDisclosureTests<DefaultApi>(api), IClassFixture<DefaultApi>;

public sealed class PostgresSubmissionDisclosureTests(PostgresApi api) : SubmissionDisclosureTests<PostgresApi>(api), IClassFixture<PostgresApi>;
