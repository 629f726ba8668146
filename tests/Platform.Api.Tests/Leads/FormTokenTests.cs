using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Leads;
using Platform.Api.Leads.FormTokens;
using Platform.Api.Security;
using Platform.Api.Tests.Infrastructure;
using Platform.Data;
using Platform.DemoData;
using Platform.Domain.Leads;

namespace Platform.Api.Tests.Leads;

/// <summary>
/// Landing pages prove the fill time with a signed, single-use form token from GET /forms/token: the boundaries of the
/// minimum fill time and the lifetime on the API's clock, forged, foreign and reused tokens, and the rejection count.
/// </summary>
public abstract class FormTokenTests<THost>(THost api) : IDisposable where THost : ApiHost
{
    private const string Submit = """
        mutation($input: SubmitLeadInput!) { submitLead(input: $input) { receipt { id status } errors { __typename ... on Error { code message } ... on SpamRejectedError { reason } ... on FormTokenExpiredError { expiredAt } } } }
        """;

    private static readonly TimeSpan FillTime = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    /// <summary>The finest step every database keeps (PostgreSQL: microseconds).</summary>
    private static readonly TimeSpan StoredTick = TimeSpan.FromMicroseconds(1);

    /// <summary>When each test's form is shown: a whole second, so the databases store it exactly.</summary>
    private readonly DateTime _shownAt = WholeSecond(DateTime.UtcNow.AddMinutes(-Random.Shared.Next(10, 1000)));

    public void Dispose() => api.Clock.FixedAt = null;

    [Fact]
    public async Task Endpoint_GivesTheLandingKeyATokenWithItsExpiry_NotCached()
    {
        api.Clock.FixedAt = _shownAt;

        using var response = await GetTokenAsync(api.Anonymous, DemoDataset.DemoLandingKey);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(_shownAt + Lifetime, (DateTime)body["expiresAt"]!, TimeSpan.FromMilliseconds(1));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var token = api.Services.GetRequiredService<FormTokenSigner>().Read((string)body["formToken"]!);
        Assert.NotNull(token);
        Assert.Equal((DemoDataset.DemoLandingKey, _shownAt), (token.Subject, token.IssuedAt));
    }

    [Fact]
    public async Task Endpoint_RefusesCallersWithoutALandingPage()
    {
        using var none = await GetTokenAsync(api.Anonymous, null);
        using var unknown = await GetTokenAsync(api.Anonymous, "lk_unknown");
        using var integration = await GetTokenAsync(api.Client, null);

        Assert.Equal((HttpStatusCode.Unauthorized, "AUTH_NOT_AUTHENTICATED"), (none.StatusCode, await CodeAsync(none)));
        Assert.Equal((HttpStatusCode.Unauthorized, "INVALID_LANDING_KEY"), (unknown.StatusCode, await CodeAsync(unknown)));
        Assert.Equal((HttpStatusCode.Forbidden, "ACCESS_DENIED"), (integration.StatusCode, await CodeAsync(integration)));
    }

    [Fact]
    public async Task Endpoint_AnswersCorsForTheKeysOrigins_AndRefusesOthers()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, FormTokenEndpoint.Path);
        preflight.Headers.Add("Origin", "http://localhost:8080");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "x-landing-key");
        using var allowed = await api.Anonymous.SendAsync(preflight);
        using var fromPage = await GetTokenAsync(api.Anonymous, DemoDataset.DemoLandingKey, "http://localhost:8080");
        using var foreign = await GetTokenAsync(api.Anonymous, DemoDataset.DemoLandingKey, "https://evil.example");

        Assert.Equal("http://localhost:8080", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("GET", allowed.Headers.GetValues("Access-Control-Allow-Methods").Single());
        Assert.Equal("http://localhost:8080", fromPage.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal((HttpStatusCode.Forbidden, "ORIGIN_NOT_ALLOWED"), (foreign.StatusCode, await CodeAsync(foreign)));
    }

    [Fact]
    public async Task JustUnderTheMinimumFillTime_IsSpam_AtItTheSameTokenIsAccepted()
    {
        var token = await FetchAtAsync(_shownAt);
        var form = Form(token);
        var spamBefore = await RejectedAsync("TOO_FAST");

        api.Clock.FixedAt = _shownAt + FillTime - Tick;
        var early = await SubmitAsync(form);
        Assert.Equal(0, await api.CountLeadsAsync(LeadApi.E164(form)));
        api.Clock.FixedAt = _shownAt + FillTime;
        var onTime = await SubmitAsync(form);

        Assert.Equal(("SPAM_REJECTED", "TOO_FAST"), ((string?)early.Error()["code"], (string?)early.Error()["reason"]));
        Assert.Equal(spamBefore + 1, await RejectedAsync("TOO_FAST"));
        Assert.Equal("ACCEPTED", (string?)onTime["receipt"]?["status"]);
        Assert.Equal(1, await api.CountLeadsAsync(LeadApi.E164(form)));
    }

    [Fact]
    public async Task JustBeforeTheLifetimeEnds_IsAccepted_AtItsEndExpired_NotCountedAsSpam()
    {
        var late = Form(await FetchAtAsync(_shownAt));
        var expired = Form(await FetchAtAsync(_shownAt));
        var spamBefore = await RejectedAsync(null);

        api.Clock.FixedAt = _shownAt + Lifetime - Tick;
        var accepted = await SubmitAsync(late);
        api.Clock.FixedAt = _shownAt + Lifetime;
        var refused = await SubmitAsync(expired);

        Assert.Equal("ACCEPTED", (string?)accepted["receipt"]?["status"]);
        Assert.Equal("FORM_TOKEN_EXPIRED", (string?)refused.Error()["code"]);
        Assert.Equal(_shownAt + Lifetime, (DateTime)refused.Error()["expiredAt"]!, TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, await api.CountLeadsAsync(LeadApi.E164(expired)));
        Assert.Equal(spamBefore, await RejectedAsync(null));
    }

    [Theory]
    [InlineData("missing", "FORM_TOKEN_MISSING")]
    [InlineData("no signature", "FORM_TOKEN_INVALID")]
    [InlineData("not base64url", "FORM_TOKEN_INVALID")]
    [InlineData("tampered", "FORM_TOKEN_INVALID")]
    [InlineData("other signing key", "FORM_TOKEN_INVALID")]
    [InlineData("other landing key", "FORM_TOKEN_INVALID")]
    public async Task MissingForgedOrForeignToken_IsSpam_Counted_AndStoresNothing(string kind, string reason)
    {
        var genuine = await FetchAtAsync(_shownAt);
        api.Clock.FixedAt = _shownAt + TimeSpan.FromMinutes(1);
        var token = kind switch
        {
            "missing" => null,
            "no signature" => genuine[..genuine.IndexOf('.')],
            "not base64url" => "not a.token!",
            "tampered" => genuine[..^2] + (genuine[^2] == 'A' ? "B" : "A") + genuine[^1],
            "other signing key" => new FormTokenSigner(new byte[32]).Issue(DemoDataset.DemoLandingKey, _shownAt),
            _ => api.Services.GetRequiredService<FormTokenSigner>().Issue("lk_another_page", _shownAt),
        };
        var form = Form(token);
        var before = await RejectedAsync(reason);

        var payload = await SubmitAsync(form);

        Assert.Equal(("SPAM_REJECTED", reason), ((string?)payload.Error()["code"], (string?)payload.Error()["reason"]));
        Assert.Equal(before + 1, await RejectedAsync(reason));
        Assert.Equal(0, await api.CountLeadsAsync(LeadApi.E164(form)));
    }

    [Fact]
    public async Task ReusedToken_IsSpam_Counted_ButARetryWithTheSameIdempotencyKeyGetsTheFirstResult()
    {
        var token = await FetchAtAsync(_shownAt);
        api.Clock.FixedAt = _shownAt + TimeSpan.FromSeconds(20);
        var (first, other) = (Form(token), Form(token));
        var key = Guid.NewGuid().ToString();
        var reusedBefore = await RejectedAsync("FORM_TOKEN_REUSED");

        var created = await SubmitAsync(first, key);
        var retried = await SubmitAsync(first, key);
        var reused = await SubmitAsync(other, Guid.NewGuid().ToString());
        var reusedWithoutKey = await SubmitAsync(other);

        Assert.Equal("ACCEPTED", (string?)created["receipt"]?["status"]);
        Assert.Equal((string?)created["receipt"]?["id"], (string?)retried["receipt"]?["id"]);
        Assert.Empty(retried["errors"]!.AsArray());
        Assert.All(new[] { reused, reusedWithoutKey }, p => Assert.Equal(("SPAM_REJECTED", "FORM_TOKEN_REUSED"), ((string?)p.Error()["code"], (string?)p.Error()["reason"])));
        Assert.Equal(reusedBefore + 2, await RejectedAsync("FORM_TOKEN_REUSED"));
        Assert.Equal((1, 0), (await api.CountLeadsAsync(LeadApi.E164(first)), await api.CountLeadsAsync(LeadApi.E164(other))));
    }

    [Fact]
    public async Task ConcurrentUsesOfOneToken_MakeExactlyOneLead()
    {
        const int uses = 12;
        var token = await FetchAtAsync(_shownAt);
        api.Clock.FixedAt = _shownAt + TimeSpan.FromSeconds(20);
        var forms = Enumerable.Range(0, uses).Select(_ => Form(token)).ToList();

        var answers = await Task.WhenAll(forms.Select(form => SubmitAsync(form, Guid.NewGuid().ToString())));

        Assert.Single(answers, a => (string?)a["receipt"]?["status"] == "ACCEPTED");
        Assert.Equal(uses - 1, answers.Count(a => a["errors"]!.AsArray().Any(e => (string?)e?["reason"] == "FORM_TOKEN_REUSED")));
        Assert.Equal(1, (await Task.WhenAll(forms.Select(f => api.CountLeadsAsync(LeadApi.E164(f))))).Sum());
    }

    [Fact]
    public async Task LandingClient_NeedsAFormTokenOfItsOwn_IntegrationsNone()
    {
        var landing = await api.ClientForAsync(DemoClients.Landing);
        var withoutToken = Form(null);
        using var response = await GetTokenAsync(landing, null);
        var token = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["formToken"]!;
        api.Clock.FixedAt = DateTime.UtcNow + FillTime;

        var refused = await SubmitAsync(withoutToken, client: landing, landingKey: null);
        var accepted = await SubmitAsync(Form(token), client: landing, landingKey: null);
        var integration = await SubmitAsync(Form(null), client: api.Client, landingKey: null);

        Assert.Equal("FORM_TOKEN_MISSING", (string?)refused.Error()["reason"]);
        Assert.Equal(DemoClients.Landing, api.Services.GetRequiredService<FormTokenSigner>().Read(token)?.Subject);
        Assert.Equal("ACCEPTED", (string?)accepted["receipt"]?["status"]);
        Assert.Equal("ACCEPTED", (string?)integration["receipt"]?["status"]);
    }

    [Fact]
    public async Task Sweep_ForgetsTokensOneLifetimePastTheirExpiry()
    {
        api.Clock.FixedAt = _shownAt;
        var (old, kept) = (Guid.NewGuid(), Guid.NewGuid());
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            db.UsedFormTokens.AddRange(
                new UsedFormToken { TokenId = old, ReceiptId = Guid.NewGuid().ToString(), ExpiresAt = _shownAt - Lifetime - StoredTick },
                new UsedFormToken { TokenId = kept, ReceiptId = Guid.NewGuid().ToString(), ExpiresAt = _shownAt - Lifetime });
            await db.SaveChangesAsync();
        }

        await api.Services.GetRequiredService<UsedFormTokenSweep>().SweepAsync(CancellationToken.None);

        await using var check = api.Services.CreateAsyncScope();
        var left = await check.ServiceProvider.GetRequiredService<PlatformDbContext>().UsedFormTokens
            .Where(t => t.TokenId == old || t.TokenId == kept).Select(t => t.TokenId).ToListAsync();
        Assert.Equal([kept], left);
    }

    /// <summary>Fetches a form token over HTTP as the page does when it shows the form at <paramref name="at"/>.</summary>
    private async Task<string> FetchAtAsync(DateTime at)
    {
        api.Clock.FixedAt = at;
        using var response = await GetTokenAsync(api.Anonymous, DemoDataset.DemoLandingKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["formToken"]!;
    }

    private static async Task<HttpResponseMessage> GetTokenAsync(HttpClient client, string? landingKey, string? origin = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, FormTokenEndpoint.Path);
        if (landingKey is not null)
            request.Headers.Add("X-Landing-Key", landingKey);
        if (origin is not null)
            request.Headers.Add("Origin", origin);
        return await client.SendAsync(request);
    }

    private static async Task<string?> CodeAsync(HttpResponseMessage response) =>
        (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())?["errors"]?[0]?["extensions"]?["code"];

    /// <summary>Posts the form as the landing page does (anonymous, the demo landing key) unless told otherwise.</summary>
    private async Task<JsonNode> SubmitAsync(Dictionary<string, object?> input, string? idempotencyKey = null, HttpClient? client = null, string? landingKey = DemoDataset.DemoLandingKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = Submit, variables = new { input } }) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (landingKey is not null)
            request.Headers.Add("X-Landing-Key", landingKey);
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await (client ?? api.Anonymous).SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(body["errors"] is null, body.ToJsonString());
        return body["data"]!["submitLead"]!;
    }

    private static DateTime WholeSecond(DateTime at) => new(at.Ticks - at.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);

    /// <summary>A fresh person's form with <paramref name="token"/> and no self-reported render time: the token alone proves the fill time.</summary>
    private static Dictionary<string, object?> Form(string? token) => LeadApi.Form(("formToken", token), ("formRenderedAt", null));

    /// <summary>rejectedSubmissionCount of the demo landing key for <paramref name="reason"/> (a SpamReason; null: every reason).</summary>
    private async Task<int> RejectedAsync(string? reason)
    {
        // Staff read on the real clock: their access token is not valid hours ahead.
        var fixedAt = api.Clock.FixedAt;
        api.Clock.FixedAt = null;
        var data = await api.QueryAsync($"query($since: DateTime!, $reason: SpamReason) {{ rejectedSubmissionCount(since: $since, reason: $reason, source: \"{DemoDataset.DemoLandingKey}\") }}",
            new { since = DateTime.UnixEpoch, reason });
        api.Clock.FixedAt = fixedAt;
        return (int)data["rejectedSubmissionCount"]!;
    }
}

/// <summary>The form token settings: a lifetime no longer than the minimum fill time would refuse every landing page.</summary>
public sealed class FormTokenOptionsTests
{
    [Theory]
    [InlineData("00:00:03", "00:01:00", true)]
    [InlineData("00:01:00", "00:01:00", false)]
    [InlineData("00:05:00", "00:01:00", false)]
    public void Lifetime_MustBeLongerThanTheMinimumFillTime(string fillTime, string lifetime, bool valid)
    {
        var options = new LeadOptions { MinimumFillTime = TimeSpan.Parse(fillTime), FormTokenLifetime = TimeSpan.Parse(lifetime) };

        var errors = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        var ok = System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), errors, validateAllProperties: true);

        Assert.Equal(valid, ok);
        Assert.Equal(valid ? [] : ["FormTokenLifetime"], errors.SelectMany(e => e.MemberNames));
    }
}

/// <summary>Two API nodes share the signing key and the database: a token one node issued is good on the other, and used once in all.</summary>
public abstract class FormTokenTwoNodeTests<TNodes>(TNodes nodes) where TNodes : TwoNodes
{
    [Fact]
    public async Task TokenFromOneNode_IsAcceptedOnTheOther_AndRefusedWhenReusedOnEither()
    {
        var token = nodes.A.FormToken();
        var forms = Enumerable.Range(0, 3).Select(_ => LeadApi.Form(("formToken", token), ("formRenderedAt", null))).ToArray();

        var onB = await SubmitAsync(nodes.B, forms[0]);
        var againOnA = await SubmitAsync(nodes.A, forms[1]);
        var againOnB = await SubmitAsync(nodes.B, forms[2]);

        Assert.Equal("ACCEPTED", (string?)onB["receipt"]?["status"]);
        Assert.All(new[] { againOnA, againOnB }, p => Assert.Equal("FORM_TOKEN_REUSED", (string?)p["errors"]?[0]?["reason"]));
        Assert.Equal(new[] { 1, 0, 0 }, await Task.WhenAll(forms.Select(f => nodes.A.CountLeadsAsync(LeadApi.E164(f)))));
    }

    [Fact]
    public async Task OneTokenSentConcurrentlyToBothNodes_MakesExactlyOneLead()
    {
        const int perNode = 10;
        var token = nodes.A.FormToken();
        var sends = Enumerable.Range(0, 2 * perNode)
            .Select(i => (Node: i % 2 == 0 ? nodes.A : nodes.B, Form: LeadApi.Form(("formToken", token), ("formRenderedAt", null)))).ToList();

        var answers = await Task.WhenAll(sends.Select(send => SubmitAsync(send.Node, send.Form)));

        Assert.Single(answers, a => (string?)a["receipt"]?["status"] == "ACCEPTED");
        Assert.Equal(2 * perNode - 1, answers.Count(a => a["errors"]!.AsArray().Any(e => (string?)e?["reason"] == "FORM_TOKEN_REUSED")));
        Assert.Equal(1, (await Task.WhenAll(sends.Select(send => nodes.A.CountLeadsAsync(LeadApi.E164(send.Form))))).Sum());
    }

    private static async Task<JsonNode> SubmitAsync(ApiHost node, Dictionary<string, object?> input)
    {
        const string submit = "mutation($input: SubmitLeadInput!) { submitLead(input: $input) { receipt { status } errors { ... on SpamRejectedError { reason } } } }";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = submit, variables = new { input } }) };
        request.Headers.Add("X-Landing-Key", DemoDataset.DemoLandingKey);
        using var response = await node.Anonymous.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!["submitLead"]!;
    }
}

public sealed class DefaultFormTokenTwoNodeTests(TwoDefaultNodes nodes) : FormTokenTwoNodeTests<TwoDefaultNodes>(nodes), IClassFixture<TwoDefaultNodes>;

public sealed class PostgresFormTokenTwoNodeTests(TwoPostgresNodes nodes) : FormTokenTwoNodeTests<TwoPostgresNodes>(nodes), IClassFixture<TwoPostgresNodes>;

public sealed class DefaultFormTokenTests(DefaultApi api) : FormTokenTests<DefaultApi>(api), IClassFixture<DefaultApi>;

public sealed class PostgresFormTokenTests(PostgresApi api) : FormTokenTests<PostgresApi>(api), IClassFixture<PostgresApi>;
