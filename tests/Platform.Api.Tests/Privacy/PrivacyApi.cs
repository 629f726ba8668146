using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Platform.Api.Security;
using Platform.Api.Tests.Infrastructure;
using Platform.DemoData;

namespace Platform.Api.Tests.Privacy;

/// <summary>The API with the KPI result cache off, so a KPI read after a change reads the database again.</summary>
public abstract class UncachedKpiApi(string provider) : ApiHost(provider)
{
    protected override void Configure(WebApplicationBuilder builder) => builder.Configuration["Kpis:Cache:Enabled"] = "false";
}

public sealed class DefaultUncachedKpiApi() : UncachedKpiApi(Environment.GetEnvironmentVariable("PLATFORM_TEST_PROVIDER") ?? "Sqlite");

public sealed class PostgresUncachedKpiApi() : UncachedKpiApi("Postgres");

/// <summary>Privacy calls over HTTP: as a signed-in staff admin, and form submissions with a browser's headers.</summary>
internal static class PrivacyApi
{
    public const string Errors = "errors { __typename ... on Error { message code } ... on ValidationError { field } }";

    /// <summary>A client of a newly added staff user with <paramref name="role"/>, signed in through the real login flow.</summary>
    public static async Task<HttpClient> StaffAsync(ApiHost api, string role = StaffRoles.Admin)
    {
        var (email, password) = await StaffSignInFlow.AddUserAsync(api, role);
        var flow = new StaffSignInFlow(api);
        return flow.ApiClient((string)(await flow.SignInAsync(email, password))["access_token"]!);
    }

    /// <summary>Adds a consent text version as <paramref name="admin"/> and returns its ID.</summary>
    public static async Task<string> AddConsentTextAsync(ApiHost api, HttpClient admin, string text = "I agree to receive news and offers by e-mail.")
    {
        var result = await api.PostAsync(admin, $$"""mutation($input: AddConsentTextInput!) { addConsentText(input: $input) { consentText { id text } {{Errors}} } }""", new { input = new { text } });
        return (string)result["data"]!["addConsentText"]!["consentText"]!["id"]!;
    }

    /// <summary>Posts submitLead as a landing page of the demo key with a browser's User-Agent; returns the payload.</summary>
    public static async Task<JsonNode> SubmitFromBrowserAsync(ApiHost api, object input, string userAgent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query = $$"""mutation($input: SubmitLeadInput!) { submitLead(input: $input) { receipt { id status } {{Errors}} } }""", variables = new { input } }),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        request.Headers.Add("X-Landing-Key", DemoDataset.DemoLandingKey);
        request.Headers.UserAgent.ParseAdd(userAgent);
        using var response = await api.Anonymous.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(body["errors"] is null, body.ToJsonString());
        Assert.Empty(body["data"]!["submitLead"]!["errors"]!.AsArray());
        return body["data"]!["submitLead"]!;
    }

    /// <summary>erasePerson as <paramref name="admin"/>; returns the payload.</summary>
    public static async Task<JsonNode> EraseAsync(ApiHost api, HttpClient admin, object input)
    {
        var result = await api.PostAsync(admin, $$"""
            mutation($input: ErasePersonInput!) { erasePerson(input: $input) {
              erased { leads contacts clients activities consentRecords rejectedSubmissions spooledSubmissions bulkExports importUploads suppressed } {{Errors}} } }
            """, new { input });
        Assert.True(result["errors"] is null, result.ToJsonString());
        return result["data"]!["erasePerson"]!;
    }
}
