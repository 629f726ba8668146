using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Infrastructure;
using Platform.Data;
using Platform.Domain.Leads;

namespace Platform.Api.Tests.Leads;

public abstract class SubmitLeadTests<THost>(THost api) where THost : ApiHost
{
    private async Task<T> WithDbAsync<T>(Func<PlatformDbContext, Task<T>> work)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }

    private Task<int> CountLeadsAsync(string? phone = null, string? email = null) =>
        WithDbAsync(db => db.Leads.CountAsync(l => (phone != null && l.Phone == phone) || (email != null && l.Email == email)));

    [Fact]
    public async Task SubmitLead_FromTheLandingPage_IsAWarmLeadWithPhoneInE164AndADeadline()
    {
        var payload = await api.SubmitAsync(LeadApi.Form(("phone", "8 (916) 555-12-34"), ("email", " Olga@Example.COM "), ("utmSource", "google")));

        payload.AssertOk();
        var lead = payload["lead"]!;
        Assert.Equal("+79165551234", (string)lead["phone"]!);
        Assert.Equal("olga@example.com", (string)lead["email"]!);
        Assert.Equal("WARM", (string)lead["temperature"]!);   // L5
        Assert.Equal("NET", (string)lead["origin"]!);
        Assert.Equal("LANDING_PAGE", (string)lead["channel"]!);
        Assert.Equal("website-redesign", (string)lead["landingPage"]!);
        Assert.Equal("ASSIGNED", (string)lead["status"]!);      // warm → best-ranked available manager
        Assert.NotNull(lead["owner"]);
        Assert.Equal(TimeSpan.FromHours(1), (DateTime)lead["firstResponseDueAt"]! - (DateTime)lead["createdAt"]!);
        Assert.False((bool)lead["isOverdue"]!);
        Assert.False((bool)payload["repeatTouch"]!);
    }

    [Fact]
    public async Task SubmitLead_DemoDownload_HasTwoHoursToFirstResponse()
    {
        var lead = await api.NewLeadAsync(("requestType", "DEMO_DOWNLOAD"));
        Assert.Equal(TimeSpan.FromHours(2), (DateTime)lead["firstResponseDueAt"]! - (DateTime)lead["createdAt"]!); // T1
    }

    [Fact]
    public async Task SubmitLead_BadFields_AreTypedErrorsNamingEachFieldAndNothingIsStored()
    {
        var payload = await api.SubmitAsync(LeadApi.Form(("firstName", " "), ("phone", "12"), ("email", "not-an-email"), ("marketingConsent", true)));

        Assert.Null(payload["lead"]);
        var errors = payload["errors"]!.AsArray();
        Assert.All(errors, e => Assert.Equal("VALIDATION", (string)e!["code"]!));
        Assert.Equal(["consentText", "email", "firstName", "phone"], errors.Select(e => (string)e!["field"]!).Order());
        Assert.Equal(0, await CountLeadsAsync(email: "not-an-email"));
    }

    [Fact]
    public async Task SubmitLead_WithoutPhone_IsAValidationErrorOnPhone()
    {
        var payload = await api.SubmitAsync(LeadApi.Form(("phone", null), ("email", "nophone@example.com")));
        Assert.Equal("phone", (string)payload.Error()["field"]!); // L6
    }

    [Fact]
    public async Task SubmitLead_OnlineEstimate_NeedsFiveParametersAndCreatesAFollowUpTaskNotAProposal()
    {
        var five = Enumerable.Range(1, 5).Select(i => new { name = $"p{i}", value = $"v{i}" }).ToArray();
        var missing = await api.SubmitAsync(LeadApi.Form(("requestType", "ONLINE_ESTIMATE"), ("estimateParameters", five[..3])));
        Assert.Equal("estimateParameters", (string)missing.Error()["field"]!);

        var payload = await api.SubmitAsync(LeadApi.Form(("requestType", "ONLINE_ESTIMATE"), ("estimateParameters", five)));

        payload.AssertOk();
        var activities = payload["lead"]!["activities"]!["nodes"]!.AsArray();
        Assert.Equal("TASK", (string)activities.Single()!["type"]!); // L9
        Assert.DoesNotContain(activities, a => (string)a!["type"]! == "PROPOSAL");
    }

    [Fact]
    public async Task SubmitLead_UnknownLandingKey_IsAnInvalidLandingKeyError()
    {
        var payload = await api.SubmitAsync(LeadApi.Form(), landingKey: "lk_nobody");
        Assert.Equal("INVALID_LANDING_KEY", (string)payload.Error()["code"]!);
    }

    [Fact]
    public async Task SubmitLead_RevokedLandingKey_IsAnInvalidLandingKeyError()
    {
        await WithDbAsync(async db =>
        {
            db.LandingKeys.Add(new LandingKey { Key = "lk_revoked", Name = "Old form", LandingPageCode = "old", RevokedAt = DateTime.UtcNow.AddDays(-1) });
            return await db.SaveChangesAsync();
        });
        var form = LeadApi.Form();
        var payload = await api.SubmitAsync(form, landingKey: "lk_revoked");
        Assert.Equal("INVALID_LANDING_KEY", (string)payload.Error()["code"]!);
        Assert.Equal(0, await CountLeadsAsync(phone: LeadApi.E164(form)));
    }

    [Fact]
    public async Task SubmitLead_KeyRequiringEmail_AcceptsNoPhoneButNeedsEmail()
    {
        await WithDbAsync(async db =>
        {
            db.LandingKeys.Add(new LandingKey { Key = "lk_email_only", Name = "E-book", LandingPageCode = "ebook", RequireEmailInsteadOfPhone = true });
            return await db.SaveChangesAsync();
        });
        var withoutEmail = await api.SubmitAsync(LeadApi.Form(("phone", null)), landingKey: "lk_email_only");
        Assert.Equal("email", (string)withoutEmail.Error()["field"]!);

        var ok = await api.SubmitAsync(LeadApi.Form(("phone", null), ("email", $"ebook-{Guid.NewGuid():N}@example.com")), landingKey: "lk_email_only");
        ok.AssertOk();
        Assert.Equal("ebook", (string)ok["lead"]!["landingPage"]!);
    }

    [Fact]
    public async Task SubmitLead_RetriedWithTheSameIdempotencyKey_ReturnsTheFirstLead()
    {
        var key = Guid.NewGuid().ToString();
        var form = LeadApi.Form();
        var first = await api.SubmitAsync(form, idempotencyKey: key);
        var again = await api.SubmitAsync(form, idempotencyKey: key);
        var viaInput = await api.SubmitAsync(new Dictionary<string, object?>(form) { ["idempotencyKey"] = key });

        Assert.Equal((string)first["lead"]!["id"]!, (string)again["lead"]!["id"]!);
        Assert.Equal((string)first["lead"]!["id"]!, (string)viaInput["lead"]!["id"]!);
        Assert.Equal(1, (int)again["lead"]!["touchCount"]!);
    }

    [Fact]
    public async Task SubmitLead_TenConcurrentRetries_CreateOneLeadAndAllGetItsId()
    {
        var key = Guid.NewGuid().ToString();
        var form = LeadApi.Form();

        var payloads = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => api.SubmitAsync(form, idempotencyKey: key)));

        Assert.All(payloads, p => p.AssertOk());
        Assert.Single(payloads.Select(p => (string)p["lead"]!["id"]!).Distinct());
        Assert.Equal(1, await WithDbAsync(db => db.Leads.CountAsync(l => l.IdempotencyKey == key)));
    }

    [Fact]
    public async Task SubmitLead_SamePhoneAsARecentOpenLead_IsARepeatTouchNotASecondLead()
    {
        var first = await api.NewLeadAsync();
        var phone = (string)first["phone"]!;

        var repeat = await api.SubmitAsync(LeadApi.Form(("phone", phone), ("message", "Any news?")), landingKey: "");

        repeat.AssertOk();
        Assert.True((bool)repeat["repeatTouch"]!);
        Assert.Equal((string)first["id"]!, (string)repeat["lead"]!["id"]!);
        Assert.Equal(2, (int)repeat["lead"]!["touchCount"]!);
        Assert.Contains(repeat["lead"]!["activities"]!["nodes"]!.AsArray(), a => (string)a!["type"]! == "FORM_SUBMISSION");
        Assert.Equal(1, await CountLeadsAsync(phone: phone));
    }

    [Theory] // duplicates: an open lead of the last 30 days; the batch (no referral code) and one by one (a referral code)
    [InlineData(-5, LeadStatus.New, false, true)]      // 30 days less 5 minutes ago, open: a repeat touch
    [InlineData(5, LeadStatus.New, false, false)]      // 30 days and 5 minutes ago: a new lead
    [InlineData(-5, LeadStatus.Refused, false, false)] // closed: a new lead
    [InlineData(-5, LeadStatus.New, true, true)]
    [InlineData(5, LeadStatus.New, true, false)]
    [InlineData(-5, LeadStatus.Refused, true, false)]
    public async Task SubmitLead_DuplicateWindow_OpenLeadsOfTheLast30DaysOnly(int minutesPast30Days, LeadStatus status, bool withReferralCode, bool repeatTouch)
    {
        var form = LeadApi.Form();
        var earlier = await WithDbAsync(async db =>
        {
            var lead = new Lead { FirstName = "Earlier", Phone = LeadApi.E164(form), Status = status, Channel = LeadChannels.Website, CreatedAt = DateTime.UtcNow.AddDays(-30).AddMinutes(-minutesPast30Days) };
            db.Leads.Add(lead);
            await db.SaveChangesAsync();
            return lead.Id;
        });
        if (withReferralCode)
            form["referralCode"] = "NO-SUCH-CODE"; // a warning, and the one-by-one way

        var payload = await api.SubmitAsync(form);

        payload.AssertOk();
        Assert.Equal(repeatTouch, (bool)payload["repeatTouch"]!);
        Assert.Equal(repeatTouch, (string)payload["lead"]!["id"]! == Platform.GraphQL.Server.Relay.GlobalId.Encode(nameof(Lead), earlier));
        Assert.Equal(repeatTouch ? 1 : 2, await CountLeadsAsync(phone: LeadApi.E164(form)));
    }

    [Fact]
    public async Task SubmitLead_WithAConsentText_LooksTheTextUpOnlyTheFirstTime()
    {
        var textId = await Privacy.PrivacyApi.AddConsentTextAsync(api, await Privacy.PrivacyApi.StaffAsync(api));
        await api.NewLeadAsync(); // landing key and routing caches warm
        async Task<List<string>> SubmitAsync()
        {
            api.Sql.Clear();
            (await api.SubmitAsync(LeadApi.Form(("marketingConsent", true), ("consentTextId", textId)), idempotencyKey: Guid.NewGuid().ToString())).AssertOk();
            return LeadApi.SqlOf(api.Sql.Statements).Others;
        }

        var first = await SubmitAsync();
        var second = await SubmitAsync();

        // A version is never changed nor deleted: once found, this node knows it.
        Assert.Single(first, s => s.Contains("\"ConsentTexts\""));
        Assert.DoesNotContain(second, s => s.Contains("\"ConsentTexts\""));
        Assert.Equal(first.Count - 1, second.Count);
    }

    [Fact]
    public async Task SubmitLead_NewLeadAndRepeatTouch_StatementsArePinned()
    {
        await api.NewLeadAsync(); // landing key and routing caches warm
        var form = LeadApi.Form();

        api.Sql.Clear();
        (await api.SubmitAsync(form, idempotencyKey: Guid.NewGuid().ToString())).AssertOk();
        var (createdRollups, created) = LeadApi.SqlOf(api.Sql.Statements);
        api.Sql.Clear();
        (await api.SubmitAsync(form, idempotencyKey: Guid.NewGuid().ToString())).AssertOk();
        var (touchedRollups, touched) = LeadApi.SqlOf(api.Sql.Statements);

        // The submission, written by the intake batch: the suppression check, duplicate check of the batch (idempotency
        // keys, earlier touches, open leads in one statement), the leads, their consent evidence, their events (created,
        // assigned at once: one statement per row on SQLite, one in all on PostgreSQL), their audit entries. Then the two
        // reads of this test's selection (the owner, the activities).
        var events = api.Provider == "Sqlite" ? 3 : 1;
        Assert.True(created.Count == 7 + events, string.Join("\n----\n", created));
        Assert.Contains("\"Suppressions\"", created[0]);
        Assert.Contains("UNION ALL", created[1]);
        Assert.Contains("INSERT INTO \"Leads\"", created[2]);
        Assert.Contains("INSERT INTO \"ConsentRecords\"", created[3]);
        Assert.All(created[4..(4 + events)], s => Assert.Contains("INSERT INTO \"OutboxEvents\"", s));
        Assert.Contains("INSERT INTO \"AuditLog\"", created[4 + events]);
        Assert.Contains("\"StaffUsers\"", created[5 + events]);
        Assert.Contains("\"Activities\"", created[6 + events]);
        // A repeat touch, written by the batch too: the suppression check, the duplicate check, the touch count raised in
        // the database, the touched lead read for its event, the touch, its consent evidence and its event (one statement
        // on PostgreSQL), its audit entry; then the lead read for this trusted caller and the selection.
        var touchAndEvent = api.Provider == "Sqlite" ? 3 : 1;
        Assert.True(touched.Count == 8 + touchAndEvent, string.Join("\n----\n", touched));
        Assert.Contains("\"Suppressions\"", touched[0]);
        Assert.Contains("UNION ALL", touched[1]);
        Assert.Contains("UPDATE \"Leads\"", touched[2]);
        Assert.Contains("\"TouchCount\" + ", touched[2]);
        Assert.Contains("\"Version\"", touched[3]);
        Assert.Contains("INSERT INTO \"Activities\"", touched[4]);
        Assert.Contains("INSERT INTO \"ConsentRecords\"", string.Join("\n", touched[4..(4 + touchAndEvent)]));
        Assert.Contains("INSERT INTO \"OutboxEvents\"", touched[3 + touchAndEvent]);
        Assert.Contains("INSERT INTO \"AuditLog\"", touched[4 + touchAndEvent]);
        Assert.Contains("FROM \"Leads\"", touched[5 + touchAndEvent]);
        // The new lead's KPI rollup rows, one per dimension for its day and one for its month: in the leads' insert on
        // PostgreSQL, one statement each on SQLite, which sends every row alone. A touch changes no rollup.
        Assert.Equal((api.Provider == "Sqlite" ? 14 : 0, 0), (createdRollups, touchedRollups));
    }

    [Fact]
    public async Task SubmitLead_RetryOfARepeatTouch_ReturnsTheFirstResult_AndTouchesOnce()
    {
        var first = await api.NewLeadAsync();
        var form = LeadApi.Form(("phone", (string)first["phone"]!), ("message", "Any news?"));
        var key = Guid.NewGuid().ToString();

        var touch = await api.SubmitAsync(form, idempotencyKey: key);
        var retry = await api.SubmitAsync(form, idempotencyKey: key);
        var otherKey = await api.SubmitAsync(form, idempotencyKey: Guid.NewGuid().ToString());

        Assert.Equal((true, 2), ((bool)touch["repeatTouch"]!, (int)touch["lead"]!["touchCount"]!));
        Assert.Equal((true, 2), ((bool)retry["repeatTouch"]!, (int)retry["lead"]!["touchCount"]!)); // the first result, no new touch
        Assert.Equal((string)first["id"]!, (string)retry["lead"]!["id"]!);
        Assert.Equal(3, (int)otherKey["lead"]!["touchCount"]!); // a new submission is a new touch
    }

    [Fact]
    public async Task SubmitLead_RetryOfARepeatTouch_AfterTheLeadClosed_StillReturnsThatLead()
    {
        var first = await api.NewLeadAsync();
        var form = LeadApi.Form(("phone", (string)first["phone"]!));
        var key = Guid.NewGuid().ToString();
        await api.SubmitAsync(form, idempotencyKey: key);
        (await api.RefuseAsync((string)first["id"]!)).AssertOk();

        var retry = await api.SubmitAsync(form, idempotencyKey: key);

        Assert.Equal(((string)first["id"]!, true), ((string)retry["lead"]!["id"]!, (bool)retry["repeatTouch"]!));
        Assert.Equal(1, await CountLeadsAsync(phone: (string)first["phone"]!));
    }

    [Fact]
    public async Task SubmitLead_TenConcurrentRetriesOfARepeatTouch_TouchOnce()
    {
        var first = await api.NewLeadAsync();
        var form = LeadApi.Form(("phone", (string)first["phone"]!));
        var key = Guid.NewGuid().ToString();

        var payloads = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => api.SubmitAsync(form, idempotencyKey: key)));

        Assert.All(payloads, p => p.AssertOk());
        Assert.All(payloads, p => Assert.Equal((string)first["id"]!, (string)p["lead"]!["id"]!));
        Assert.Equal(1, await WithDbAsync(db => db.Activities.CountAsync(a => a.IdempotencyKey == key)));
        Assert.Equal(2, await WithDbAsync(db => db.Leads.Where(l => l.Phone == (string)first["phone"]!).Select(l => l.TouchCount).SingleAsync()));
    }

    [Theory]
    [InlineData("honeypot", "HONEYPOT")]
    [InlineData("formRenderedAt", "TOO_FAST")]
    public async Task SubmitLead_Spam_IsRejectedCountedAndNotStored(string field, string reason)
    {
        object value = field == "honeypot" ? "http://spam.example.com" : DateTime.UtcNow.AddSeconds(-1);
        var form = LeadApi.Form((field, value));
        var before = await WithDbAsync(db => db.RejectedSubmissions.CountAsync());

        var payload = await api.SubmitAsync(form);

        Assert.Equal("SPAM_REJECTED", (string)payload.Error()["code"]!);
        Assert.Equal(reason, (string)payload.Error()["reason"]!);
        Assert.Equal(before + 1, await WithDbAsync(db => db.RejectedSubmissions.CountAsync()));
        var counted = await api.QueryAsync("query($since: DateTime!, $reason: SpamReason) { rejectedSubmissionCount(since: $since, reason: $reason, source: \"lk_demo_website_redesign\") }",
            new { since = DateTime.UtcNow.AddMinutes(-5), reason });
        Assert.True((int)counted["rejectedSubmissionCount"]! >= 1);
        Assert.Equal(0, await CountLeadsAsync(phone: LeadApi.E164(form)));
    }

    [Fact]
    public async Task SubmitLead_ValidReferralCode_MakesASeedLeadAttributedToThePartner()
    {
        var payload = await api.SubmitAsync(LeadApi.Form(("referralCode", "BRIGHT-10")));

        payload.AssertOk();
        Assert.Empty(payload["warnings"]!.AsArray());
        Assert.Equal("SEED", (string)payload["lead"]!["origin"]!);
        var id = Platform.GraphQL.Server.Relay.GlobalId.TryDecode((string)payload["lead"]!["id"]!, "Lead")!.Value;
        Assert.Equal(1, await WithDbAsync(db => db.Referrals.CountAsync(r => r.LeadId == id)));
    }

    [Fact]
    public async Task SubmitLead_ExpiredReferralCode_IsAWarningAndTheLeadIsKeptWithoutAttribution()
    {
        var payload = await api.SubmitAsync(LeadApi.Form(("referralCode", "BRIGHT-LAUNCH")));

        payload.AssertOk();
        Assert.Equal("referralCode", (string)payload["warnings"]![0]!["field"]!);
        Assert.Equal("NET", (string)payload["lead"]!["origin"]!);
    }
}

public sealed class DefaultSubmitLeadTests(DefaultApi api) : SubmitLeadTests<DefaultApi>(api), IClassFixture<DefaultApi>;

public sealed class PostgresSubmitLeadTests(PostgresApi api) : SubmitLeadTests<PostgresApi>(api), IClassFixture<PostgresApi>;
