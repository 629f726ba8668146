using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Infrastructure;
using Platform.Data;

namespace Platform.Api.Tests.Leads;

/// <summary>
/// What <c>submitLead</c> refuses for its form alone: too long, control characters, letters in a phone, odd estimate
/// parameters. Each is a VALIDATION error naming the field, and nothing is stored (no lead, no spam record). The
/// edges it accepts are stored as sent, on each database.
/// </summary>
public abstract class SubmissionInputTests<THost>(THost api) where THost : ApiHost
{
    private async Task<(int Leads, int Rejected)> CountStoredAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return (await db.Leads.CountAsync(), await db.RejectedSubmissions.CountAsync());
    }

    /// <summary>Submits <paramref name="form"/>, asserts a single VALIDATION error on <paramref name="field"/> and that nothing was stored; returns its message.</summary>
    private async Task<string> AssertRefusedAsync(Dictionary<string, object?> form, string field, string? idempotencyKey = null)
    {
        var before = await CountStoredAsync();

        var payload = await api.SubmitAsync(form, idempotencyKey: idempotencyKey);

        Assert.Null(payload["lead"]);
        var error = payload.Error();
        Assert.Equal("VALIDATION", (string)error["code"]!);
        Assert.Equal(field, (string)error["field"]!);
        Assert.Equal(before, await CountStoredAsync());
        return (string)error["message"]!;
    }

    private static object[] EstimateParameters(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new { name = $"p{i}", value = $"v{i}" })];

    [Theory]
    [InlineData("firstName", 100)]
    [InlineData("lastName", 100)]
    [InlineData("phone", 50)]
    [InlineData("email", 256)]
    [InlineData("company", 200)]
    [InlineData("position", 200)]
    [InlineData("message", 4000)]
    [InlineData("channel", 64)]
    [InlineData("landingPage", 128)]
    [InlineData("pageUrl", 2048)]
    [InlineData("referrer", 2048)]
    [InlineData("utmSource", 256)]
    [InlineData("utmMedium", 256)]
    [InlineData("utmCampaign", 256)]
    [InlineData("utmTerm", 256)]
    [InlineData("utmContent", 256)]
    [InlineData("referralCode", 64)]
    [InlineData("consentText", 4000)]
    [InlineData("idempotencyKey", 128)]
    [InlineData("honeypot", 256)]
    public async Task SubmitLead_TextOverItsMaximum_IsAValidationErrorOnTheField(string field, int maxLength)
    {
        var value = field == "phone" ? new string('1', maxLength + 1) : new string('a', maxLength + 1);

        var message = await AssertRefusedAsync(LeadApi.Form((field, value)), field);

        Assert.Contains($"at most {maxLength} characters", message);
    }

    [Fact]
    public async Task SubmitLead_IdempotencyKeyHeaderOverItsMaximum_IsAValidationErrorOnIdempotencyKey()
    {
        var message = await AssertRefusedAsync(LeadApi.Form(), "idempotencyKey", idempotencyKey: new string('k', 129));
        Assert.Contains("Idempotency-Key header", message);
    }

    [Fact]
    public async Task SubmitLead_TextsAtTheirMaximum_AreAccepted()
    {
        var form = LeadApi.Form(("lastName", new string('b', 100)), ("message", new string('m', 4000)), ("utmSource", new string('u', 256)),
            ("pageUrl", "https://example.com/?q=" + new string('q', 2048 - 23)), ("idempotencyKey", new string('k', 128)));
        (await api.SubmitAsync(form)).AssertOk();
    }

    [Theory]
    [InlineData("firstName", "Ol\0ga")]
    [InlineData("firstName", "Olga\n")]
    [InlineData("lastName", "Bell\a")]
    [InlineData("phone", "+7 916 555\0")]
    [InlineData("email", "olga\0@example.com")]
    [InlineData("company", "Acme\u001b[31m")]
    [InlineData("position", "CEO\t")]
    [InlineData("message", "Call me\0")]
    [InlineData("message", "Call me\u007f")]
    [InlineData("channel", "WEBSITE\r")]
    [InlineData("landingPage", "promo\0")]
    [InlineData("pageUrl", "https://example.com/\0")]
    [InlineData("referrer", "https://example.com/\u0085")]
    [InlineData("utmSource", "google\0")]
    [InlineData("utmMedium", "cpc\u0001")]
    [InlineData("utmCampaign", "spring\u009f")]
    [InlineData("utmTerm", "web\0design")]
    [InlineData("utmContent", "banner\n")]
    [InlineData("referralCode", "BRIGHT-10\0")]
    [InlineData("consentText", "I agree\0")]
    [InlineData("idempotencyKey", "key\0")]
    [InlineData("honeypot", "\0")]
    public async Task SubmitLead_ControlCharacter_IsAValidationErrorOnTheField(string field, string value)
    {
        var form = LeadApi.Form((field, value), ("marketingConsent", field == "consentText"));

        var message = await AssertRefusedAsync(form, field);

        Assert.Contains("control character", message);
    }

    [Fact]
    public async Task SubmitLead_TabsAndLineBreaksInFreeText_AreStoredAsSent()
    {
        var form = LeadApi.Form(("message", "Two pages:\r\n\tabout\n\tcontacts"), ("marketingConsent", true), ("consentText", "I agree\nto the newsletter."));

        var payload = await api.SubmitAsync(form);

        payload.AssertOk();
        await using var scope = api.Services.CreateAsyncScope();
        var lead = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Leads.SingleAsync(l => l.Phone == LeadApi.E164(form));
        Assert.Equal("Two pages:\r\n\tabout\n\tcontacts", lead.Message);
        Assert.Equal("I agree\nto the newsletter.", lead.ConsentText);
    }

    [Theory]
    [InlineData("2026-05-31T09:30:00Z")]
    [InlineData("2026-05-31T12:30:00+03:00")]
    [InlineData("2026-05-31T09:30:00")]
    public async Task SubmitLead_ConsentTime_IsStoredInUtc(string consentAt)
    {
        var form = LeadApi.Form(("marketingConsent", true), ("consentText", "I agree."), ("consentAt", consentAt), ("formRenderedAt", consentAt));

        (await api.SubmitAsync(form)).AssertOk();

        await using var scope = api.Services.CreateAsyncScope();
        var lead = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Leads.SingleAsync(l => l.Phone == LeadApi.E164(form));
        Assert.Equal(new DateTime(2026, 5, 31, 9, 30, 0, DateTimeKind.Utc), lead.ConsentAt);
    }

    [Fact]
    public async Task SubmitLead_UnpairedSurrogateInAQueryLiteral_IsAValidationErrorOnTheField()
    {
        // Only a GraphQL string escape can carry one this far; the transport refuses it in JSON.
        var mutation = "mutation { submitLead(input: { firstName: \"Ol\\ud800ga\", phone: \"" + LeadApi.NewPhone() + "\" }) { lead { id } " + LeadApi.Errors + " } }";
        var before = await CountStoredAsync();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = mutation }) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        using var response = await api.Client.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.True(body["errors"] is null, body.ToJsonString());
        var error = body["data"]!["submitLead"]!.Error();
        Assert.Equal("VALIDATION", (string)error["code"]!);
        Assert.Equal("firstName", (string)error["field"]!);
        Assert.Contains("surrogate", (string)error["message"]!);
        Assert.Equal(before, await CountStoredAsync());
    }

    [Theory]
    [InlineData("+7(916)abc-de-fg")]
    [InlineData("+7 916 555-12-34 ext. 5")]
    [InlineData("+7 916 555 12 34 x5")]
    [InlineData("+7 916 555#12#34")]
    [InlineData("+7 916 555 12 34,5")]
    public async Task SubmitLead_PhoneWithOtherThanDigitsSpacesAndSeparators_IsAValidationErrorOnPhone(string phone)
    {
        var message = await AssertRefusedAsync(LeadApi.Form(("phone", phone)), "phone");
        Assert.Contains("only digits", message);
    }

    [Fact]
    public async Task SubmitLead_PhoneWithEverySeparator_IsAccepted()
    {
        var digits = LeadApi.NewPhone().Replace(" ", "")[1..]; // 7916NNNNNNN
        var form = LeadApi.Form(("phone", $"+{digits[0]} ({digits[1..4]}) {digits[4..7]}-{digits[7..9]}.{digits[9..]}"));
        var slashed = LeadApi.Form(("phone", LeadApi.NewPhone().Replace("916 ", "916/")));

        var payload = await api.SubmitAsync(form);
        var other = await api.SubmitAsync(slashed);

        payload.AssertOk();
        Assert.Equal("+" + digits, (string)payload["lead"]!["phone"]!);
        other.AssertOk();
    }

    [Fact]
    public async Task SubmitLead_MoreThanFiveEstimateParameters_IsAValidationErrorOnEstimateParameters()
    {
        var message = await AssertRefusedAsync(LeadApi.Form(("requestType", "ONLINE_ESTIMATE"), ("estimateParameters", EstimateParameters(6))), "estimateParameters");
        Assert.Contains("at most 5", message);
    }

    [Fact]
    public async Task SubmitLead_ManyEstimateParametersOnAnotherRequestType_IsOneValidationError()
    {
        await AssertRefusedAsync(LeadApi.Form(("estimateParameters", EstimateParameters(50))), "estimateParameters");
    }

    [Fact]
    public async Task SubmitLead_DuplicateEstimateParameterNames_IsAValidationErrorOnEstimateParameters()
    {
        object[] parameters = [.. EstimateParameters(4), new { name = "p2", value = "again" }];

        var message = await AssertRefusedAsync(LeadApi.Form(("requestType", "ONLINE_ESTIMATE"), ("estimateParameters", parameters)), "estimateParameters");

        Assert.Contains("\"p2\"", message);
    }

    [Theory]
    [InlineData(65, 1, "name")]
    [InlineData(1, 201, "value")]
    public async Task SubmitLead_EstimateParameterOverItsMaximum_IsAValidationErrorOnEstimateParameters(int nameLength, int valueLength, string part)
    {
        object[] parameters = [.. EstimateParameters(4), new { name = new string('n', nameLength), value = new string('v', valueLength) }];

        var message = await AssertRefusedAsync(LeadApi.Form(("requestType", "ONLINE_ESTIMATE"), ("estimateParameters", parameters)), "estimateParameters");

        Assert.Contains(part, message);
    }

    [Fact]
    public async Task SubmitLead_ControlCharacterInAnEstimateParameter_IsAValidationErrorOnEstimateParameters()
    {
        object[] parameters = [.. EstimateParameters(4), new { name = "p5", value = "10\0" }];

        await AssertRefusedAsync(LeadApi.Form(("requestType", "ONLINE_ESTIMATE"), ("estimateParameters", parameters)), "estimateParameters");
    }

    [Fact]
    public async Task SubmitLead_MalformedAndSpam_IsRefusedAsMalformedWithoutASpamRecord()
    {
        // The form's checks come first: a bot's overlong fields are not counted as spam.
        await AssertRefusedAsync(LeadApi.Form(("honeypot", "x"), ("company", new string('c', 201))), "company");
    }

    [Fact]
    public async Task SubmitLead_SeveralBadFields_AreOneErrorEach()
    {
        var before = await CountStoredAsync();

        var payload = await api.SubmitAsync(LeadApi.Form(("firstName", new string('f', 101)), ("phone", "+7 abc"), ("email", "a\0@b.c"), ("utmTerm", "\n")));

        Assert.Equal(["email", "firstName", "phone", "utmTerm"], payload["errors"]!.AsArray().Select(e => (string)e!["field"]!).Order());
        Assert.Equal(before, await CountStoredAsync());
    }
}

public sealed class DefaultSubmissionInputTests(DefaultApi api) : SubmissionInputTests<DefaultApi>(api), IClassFixture<DefaultApi>;

public sealed class PostgresSubmissionInputTests(PostgresApi api) : SubmissionInputTests<PostgresApi>(api), IClassFixture<PostgresApi>;
