using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Platform.Api.Tests.Infrastructure;
using Platform.Data;
using Platform.DemoData;
using Platform.Testing;

namespace Platform.Api.Tests.Leads;

/// <summary>The requests examples/landing-page/index.html sends (its form token, then the form) create a lead and get its receipt.</summary>
public abstract partial class LandingPageExampleTests<THost>(THost api) where THost : ApiHost
{
    [GeneratedRegex(@"const MUTATION = `(?<query>[^`]+)`")]
    private static partial Regex MutationPattern();

    [GeneratedRegex(@"const LANDING_KEY = ""(?<key>[^""]+)""")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"fetch\(API \+ ""(?<path>/[^""]+)"", \{ headers: \{ ""X-Landing-Key"": LANDING_KEY \} \}\)")]
    private static partial Regex TokenRequestPattern();

    [Fact]
    public async Task LandingPageExample_Submission_CreatesALead()
    {
        var page = await File.ReadAllTextAsync(RepositoryFiles.PathOf("examples", "landing-page", "index.html"));
        var query = MutationPattern().Match(page).Groups["query"].Value;
        var key = KeyPattern().Match(page).Groups["key"].Value;
        Assert.Equal(DemoDataset.DemoLandingKey, key);
        // The page fetches its form token when it shows the form, and the visitor sends it 30 s later.
        var shownAt = DateTime.UtcNow;
        api.Clock.FixedAt = shownAt;
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Get, TokenRequestPattern().Match(page).Groups["path"].Value);
        tokenRequest.Headers.Add("X-Landing-Key", key);
        using var tokenResponse = await api.Anonymous.SendAsync(tokenRequest);
        var formToken = (string)JsonNode.Parse(await tokenResponse.Content.ReadAsStringAsync())!["formToken"]!;
        api.Clock.FixedAt = shownAt.AddSeconds(30);
        var input = new
        {
            firstName = "Olga", phone = LeadApi.NewPhone(), email = (string?)null, company = "Acme", requestType = "CONSULTATION",
            message = "Call me", pageUrl = "http://localhost:8080/?utm_source=google", referrer = (string?)null, utmSource = "google",
            marketingConsent = true, consentText = "I agree to receive news and offers by e-mail.", honeypot = (string?)null,
            formToken,
        };

        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables = new { input } }) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Add("X-Landing-Key", key);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        // As a browser posts it: the publishable key, no token.
        using var response = await api.Anonymous.SendAsync(request);
        var payload = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!["submitLead"]!;
        api.Clock.FixedAt = null;

        payload.AssertOk();
        Assert.Equal("ACCEPTED", (string)payload["receipt"]!["status"]!);
        Assert.Equal(1, await api.CountLeadsAsync(LeadApi.E164(new() { ["phone"] = input.phone })));
    }
}

public sealed class DefaultLandingPageExampleTests(DefaultApi api) : LandingPageExampleTests<DefaultApi>(api), IClassFixture<DefaultApi>;
