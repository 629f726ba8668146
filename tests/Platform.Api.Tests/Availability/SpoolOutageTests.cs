using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Leads.FormTokens;
using Platform.Api.Leads.Spool;
using Platform.Api.Security;
using Platform.Api.Tests.Leads;
using Platform.Data;
using Platform.DemoData;
using Platform.Domain.Leads;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Tests.Availability;

/// <summary>
/// Form posts while the database is stopped: accepted into the node's spool with a QUEUED receipt, then stored exactly
/// once, in order, as they would have been at once (the time they were made, repeat touches, attribution, their caller)
/// when the database is back; a full spool is 503 with Retry-After and keeps nothing. A landing page's form token is
/// checked at once for its signature and times, and for its single use when the submission is stored.
/// </summary>
public sealed class SpoolOutageTests(SpoolOutageTests.Api api) : IClassFixture<SpoolOutageTests.Api>
{
    /// <summary>The outage host with a spool of <see cref="MaxEntries"/>.</summary>
    public sealed class Api : OutageApi
    {
        public const int MaxEntries = 8;

        protected override void Configure(WebApplicationBuilder builder)
        {
            base.Configure(builder);
            builder.Configuration["Leads:Spool:MaxEntries"] = MaxEntries.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private const string Submit = """
        mutation($input: SubmitLeadInput!) { submitLead(input: $input) { receipt { id status firstResponseDueAt } lead { id } errors { __typename ... on Error { code } } } }
        """;

    private SubmissionSpool Spool => api.Services.GetRequiredService<SubmissionSpool>();

    [Fact]
    public async Task Submissions_DuringAnOutage_AreQueued_AndStoredExactlyOnceAsMade_WhenTheDatabaseIsBack()
    {
        var madeAt = DateTime.UtcNow.AddMinutes(-30);
        // Filled 10 s before they were sent, at the time the clock says.
        Dictionary<string, object?> Form() => LeadApi.Form(("formRenderedAt", madeAt.AddSeconds(-10)));
        var (person, keyed, integrated, referred) = (Form(), Form(), Form(), Form());
        var key = Guid.NewGuid().ToString();
        var partner = await api.ClientForAsync("partner-bright-ads");
        // Each caller is known to the node before the outage (its client confirmed, the landing key read).
        await api.PostAsync(partner, "{ __typename }");
        await api.PostAsync(api.Client, "{ __typename }");
        await SubmitAsync(api.Anonymous, api.LandingForm(), DemoDataset.DemoLandingKey);
        await api.Server.StopAsync();
        List<JsonNode> answers;
        JsonNode retried;
        try
        {
            api.Clock.FixedAt = madeAt;
            // A landing page's form token is checked for its signature and times at once, its single use when stored.
            Dictionary<string, object?> Filled(Dictionary<string, object?> form) => new(form) { ["formToken"] = api.FormToken() };
            keyed = Filled(keyed); // the retry sends the same token
            answers =
            [
                await SubmitAsync(api.Anonymous, Filled(person), DemoDataset.DemoLandingKey),
                await SubmitAsync(api.Anonymous, Filled(person), DemoDataset.DemoLandingKey),
                await SubmitAsync(api.Anonymous, Filled(person), DemoDataset.DemoLandingKey),
                await SubmitAsync(api.Anonymous, keyed, DemoDataset.DemoLandingKey, key),
                await SubmitAsync(api.Client, integrated),
                await SubmitAsync(partner, referred),
            ];
            retried = await SubmitAsync(api.Anonymous, keyed, DemoDataset.DemoLandingKey, key);
            Assert.Equal(6, Spool.Depth); // the retry found its entry
        }
        finally
        {
            api.Clock.FixedAt = madeAt.AddMinutes(20);
            await api.RestoreDatabaseAsync();
        }
        await Spool.WhenEmptyAsync().WaitAsync(TimeSpan.FromMinutes(1));
        api.Clock.FixedAt = null;

        Assert.All(answers.Append(retried), a =>
        {
            Assert.Empty(a["errors"]!.AsArray());
            Assert.Null(a["lead"]);
            Assert.Equal("QUEUED", (string)a["receipt"]!["status"]!);
            Assert.Equal(madeAt.AddHours(1), (DateTime)a["receipt"]!["firstResponseDueAt"]!, TimeSpan.FromMilliseconds(1));
        });
        Assert.Equal((string)answers[3]["receipt"]!["id"]!, (string)retried["receipt"]!["id"]!);
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var phones = new[] { person, keyed, integrated, referred }.Select(LeadApi.E164).ToList();
        var leads = await db.Leads.AsNoTracking().Where(l => phones.Contains(l.Phone!)).ToListAsync();
        Assert.Equal(4, leads.Count);
        var byPhone = leads.ToDictionary(l => l.Phone!);
        Assert.Equal(3, byPhone[phones[0]].TouchCount);
        Assert.Equal((1, key), (byPhone[phones[1]].TouchCount, byPhone[phones[1]].IdempotencyKey));
        Assert.All(leads, l => Assert.Equal(madeAt, l.CreatedAt, TimeSpan.FromMilliseconds(1)));
        Assert.Equal(DemoClients.Integration, byPhone[phones[2]].SubmissionSource);
        Assert.Equal(LeadOrigin.Seed, byPhone[phones[3]].Origin); // the partner's own referral, attributed as at once
        Assert.Equal(1, await db.Referrals.CountAsync(r => r.LeadId == byPhone[phones[3]].Id));
        // One audit entry per stored submission, written when it was stored.
        var ids = leads.Select(l => GlobalId.Encode(nameof(Lead), l.Id)).ToList();
        var audited = await db.AuditLog.AsNoTracking().Where(a => a.Operation == "submitLead").Select(a => a.TargetIds).ToListAsync();
        Assert.Equal(6, audited.Count(targets => ids.Any(targets.Contains)));

        // The same retry now that it is stored: the first receipt, nothing new.
        var after = await SubmitAsync(api.Anonymous, keyed, DemoDataset.DemoLandingKey, key);
        Assert.Equal(("ACCEPTED", (string)retried["receipt"]!["id"]!), ((string)after["receipt"]!["status"]!, (string)after["receipt"]!["id"]!));
        Assert.Equal(1, await db.Leads.CountAsync(l => l.Phone == phones[1]));
    }

    [Fact]
    public async Task FullSpool_Is503WithRetryAfter_AndKeepsNothingMore()
    {
        await SubmitAsync(api.Anonymous, api.LandingForm(), DemoDataset.DemoLandingKey); // the node knows the key
        await api.Server.StopAsync();
        try
        {
            var kept = Spool.Depth;
            for (var i = kept; i < Api.MaxEntries; i++)
                Assert.Equal("QUEUED", (string)(await SubmitAsync(api.Anonymous, api.LandingForm(), DemoDataset.DemoLandingKey))["receipt"]!["status"]!);

            var form = api.LandingForm();
            using var response = await PostAsync(api.Anonymous, form, DemoDataset.DemoLandingKey, null);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("SERVICE_UNAVAILABLE", (string?)body["errors"]![0]!["extensions"]!["code"]);
            Assert.NotNull(response.Headers.RetryAfter?.Delta);
            Assert.Equal(Api.MaxEntries, Spool.Depth);
        }
        finally
        {
            await api.RestoreDatabaseAsync();
        }
        await Spool.WhenEmptyAsync().WaitAsync(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task AFormTokenDuringAnOutage_IsCheckedForItsTimesAtOnce_AndForSingleUseWhenStored_EvenAfterItExpired()
    {
        await SubmitAsync(api.Anonymous, api.LandingForm(), DemoDataset.DemoLandingKey); // the node knows the key
        var token = api.FormToken();
        var (first, reuse) = (LeadApi.Form(("formToken", token)), LeadApi.Form(("formToken", token)));
        var justShown = LeadApi.Form(("formToken", api.Services.GetRequiredService<FormTokenSigner>().Issue(DemoDataset.DemoLandingKey, api.Clock.GetUtcNow().UtcDateTime)));
        var reusedBefore = await RejectedAsync(SpamReason.FormTokenReused);
        await api.Server.StopAsync();
        List<JsonNode> answers;
        try
        {
            answers =
            [
                await SubmitAsync(api.Anonymous, first, DemoDataset.DemoLandingKey, Guid.NewGuid().ToString()),
                await SubmitAsync(api.Anonymous, reuse, DemoDataset.DemoLandingKey, Guid.NewGuid().ToString()),
                await SubmitAsync(api.Anonymous, justShown, DemoDataset.DemoLandingKey, Guid.NewGuid().ToString()),
            ];
        }
        finally
        {
            // Stored after the token expired: it was sent in time, which is what counts.
            api.Clock.FixedAt = DateTime.UtcNow.AddHours(3);
            await api.RestoreDatabaseAsync();
        }
        await Spool.WhenEmptyAsync().WaitAsync(TimeSpan.FromMinutes(1));
        api.Clock.FixedAt = null;

        Assert.Equal(["QUEUED", "QUEUED"], answers.Take(2).Select(a => (string?)a["receipt"]?["status"]));
        Assert.Equal("SPAM_REJECTED", (string?)answers[2]["errors"]?[0]?["code"]); // too fast: refused at once, nothing queued
        Assert.Equal(new[] { 1, 0, 0 }, await Task.WhenAll(new[] { first, reuse, justShown }.Select(f => api.CountLeadsAsync(LeadApi.E164(f)))));
        Assert.Equal(reusedBefore + 1, await RejectedAsync(SpamReason.FormTokenReused)); // the reuse, found when it was stored
    }

    private async Task<int> RejectedAsync(SpamReason reason)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().RejectedSubmissions
            .CountAsync(r => r.Reason == reason && r.Source == DemoDataset.DemoLandingKey);
    }

    private async Task<JsonNode> SubmitAsync(HttpClient client, Dictionary<string, object?> input, string? landingKey = null, string? idempotencyKey = null)
    {
        using var response = await PostAsync(client, input, landingKey, idempotencyKey);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        var body = JsonNode.Parse(text)!;
        Assert.True(body["errors"] is null, text);
        return body["data"]!["submitLead"]!;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Dictionary<string, object?> input, string? landingKey, string? idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = Submit, variables = new { input } }) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (landingKey is not null)
            request.Headers.Add("X-Landing-Key", landingKey);
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await client.SendAsync(request);
    }
}
