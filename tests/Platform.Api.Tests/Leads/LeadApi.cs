using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Api.Leads;
using Platform.Api.Leads.FormTokens;
using Platform.Api.Tests.Infrastructure;
using Platform.Data;
using Platform.DemoData;

namespace Platform.Api.Tests.Leads;

/// <summary>Lead mutations over HTTP, with the landing-key and idempotency headers a form sends.</summary>
internal static class LeadApi
{
    public const string LeadFields = "id status temperature origin phone email landingPage channel requestType touchCount version firstResponseDueAt createdAt firstResponseTime isOverdue completeness owner { id } postponedUntil refusalReason refusedBy";

    public const string Errors = "errors { __typename ... on Error { message code } ... on ValidationError { field } ... on InvalidTransitionError { from to } ... on ConflictError { currentVersion } ... on NotFoundError { id } ... on SpamRejectedError { reason } }";

    public static readonly string SubmitMutation = $$"""
        mutation($input: SubmitLeadInput!) {
          submitLead(input: $input) { lead { {{LeadFields}} activities(first: 5) { nodes { type subject } } } repeatTouch warnings { ... on ValidationError { field message code } } {{Errors}} }
        }
        """;

    private static int _phones = Random.Shared.Next(1_000_000, 8_000_000);

    /// <summary>A valid Russian mobile number no other test uses, as a person would type it.</summary>
    public static string NewPhone() => $"+7 916 {Interlocked.Increment(ref _phones):0000000}";

    /// <summary>The form's phone as stored (E.164).</summary>
    public static string E164(Dictionary<string, object?> form) => "+" + new string(((string)form["phone"]!).Where(char.IsDigit).ToArray());

    /// <summary>A form input with a fresh phone, filled 10 s after rendering.</summary>
    public static Dictionary<string, object?> Form(params (string Key, object? Value)[] overrides)
    {
        var form = new Dictionary<string, object?>
        {
            ["firstName"] = "Olga",
            ["phone"] = NewPhone(),
            ["formRenderedAt"] = DateTime.UtcNow.AddSeconds(-10),
        };
        foreach (var (key, value) in overrides)
            form[key] = value;
        return form;
    }

    /// <summary>
    /// A form token of <paramref name="landingKey"/> as GET /forms/token gives it, issued a minimum fill time and a second
    /// before the API's clock says now, by the API's own signer: a landing page's submission with it passes the fill-time
    /// check at once, without moving the clock other requests read.
    /// </summary>
    public static string FormToken(this ApiHost api, string landingKey = DemoDataset.DemoLandingKey) => FormToken(api.Services, landingKey);

    /// <summary>The same for the API of <paramref name="services"/>, by its clock.</summary>
    public static string FormToken(IServiceProvider services, string landingKey)
    {
        var fillTime = services.GetRequiredService<IOptions<LeadOptions>>().Value.MinimumFillTime;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        return services.GetRequiredService<FormTokenSigner>().Issue(landingKey, now - fillTime - TimeSpan.FromSeconds(1));
    }

    /// <summary>A landing page's form of the demo landing key: <see cref="Form"/> with a fresh form token.</summary>
    public static Dictionary<string, object?> LandingForm(this ApiHost api, params (string Key, object? Value)[] overrides) =>
        Form([("formToken", api.FormToken()), .. overrides]);

    /// <summary>Posts submitLead with the demo landing key (unless <paramref name="landingKey"/> says otherwise; "" sends none).</summary>
    public static async Task<JsonNode> SubmitAsync(this ApiHost api, object input, string? landingKey = DemoDataset.DemoLandingKey, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = SubmitMutation, variables = new { input } }) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (!string.IsNullOrEmpty(landingKey))
            request.Headers.Add("X-Landing-Key", landingKey);
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await api.Client.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(body["errors"] is null, body.ToJsonString());
        return body["data"]!["submitLead"]!;
    }

    /// <summary>Recorded SQL split into the commands that only insert KPI day rollup rows (counted) and the others.</summary>
    public static (int Rollups, List<string> Others) SqlOf(IEnumerable<string> statements)
    {
        var all = statements.ToList();
        var others = all.Where(s => !InsertsRollupsOnly(s)).ToList();
        return (all.Count - others.Count, others);
    }

    private static bool InsertsRollupsOnly(string sql) =>
        sql.TrimStart().StartsWith("INSERT", StringComparison.Ordinal)
        && System.Text.RegularExpressions.Regex.Matches(sql, "INSERT INTO \"(\\w+)\"").All(m => m.Groups[1].Value == "LeadDayRollups");

    /// <summary>How many leads have <paramref name="phone"/> (E.164).</summary>
    public static async Task<int> CountLeadsAsync(this ApiHost api, string phone)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Leads.CountAsync(l => l.Phone == phone);
    }

    /// <summary>Submits a fresh lead and returns it.</summary>
    public static async Task<JsonNode> NewLeadAsync(this ApiHost api, params (string Key, object? Value)[] overrides)
    {
        var payload = await api.SubmitAsync(Form(overrides));
        Assert.Empty(payload["errors"]!.AsArray());
        return payload["lead"]!;
    }

    /// <summary>Runs a lead mutation with the given input and returns its payload.</summary>
    public static async Task<JsonNode> MutateAsync(this ApiHost api, string mutation, string inputType, object input, string result = "lead { " + LeadFields + " }")
    {
        var data = await api.QueryAsync($"mutation($input: {inputType}!) {{ {mutation}(input: $input) {{ {result} {Errors} }} }}", new { input });
        return data[mutation]!;
    }

    public static Task<JsonNode> AssignAsync(this ApiHost api, string leadId, string ownerId, int? expectedVersion = null) =>
        api.MutateAsync("assignLead", "AssignLeadInput", new { leadId, ownerId, expectedVersion });

    public static Task<JsonNode> CallAsync(this ApiHost api, string leadId) =>
        api.MutateAsync("logActivity", "LogActivityInput", new
        {
            leadId, type = "CALL", result = "Needs a new website; budget approved.",
            nextContactAt = DateTime.UtcNow.AddDays(2), nextContactTopic = "Meeting about the requirements",
        });

    public static Task<JsonNode> QualifyAsync(this ApiHost api, string leadId, bool canPay = true) =>
        api.MutateAsync("qualifyLead", "QualifyLeadInput", new
        {
            leadId, needConfirmed = true, canPay, hasDecisionAuthority = true,
            targetCriteria = new[] { new { name = "industry", value = "retail" }, new { name = "geography", value = "Moscow" } },
        });

    public static Task<JsonNode> RefuseAsync(this ApiHost api, string leadId, string reason = "Chose a cheaper studio", int? expectedVersion = null) =>
        api.MutateAsync("refuseLead", "RefuseLeadInput", new { leadId, refusedBy = "CLIENT", reason, farewellLetterSent = true, expectedVersion });

    public static Task<JsonNode> PostponeAsync(this ApiHost api, string leadId, DateTime until) =>
        api.MutateAsync("postponeLead", "PostponeLeadInput", new { leadId, until });

    public static Task<JsonNode> ReactivateAsync(this ApiHost api, string leadId) =>
        api.MutateAsync("reactivateLead", "ReactivateLeadInput", new { leadId });

    public const string ConvertResult = "lead { " + LeadFields + " client { id name } } client { id name originLead { id } owner { id } } contact { id firstName } deal { id title stage { code } } clientExisted";

    public static Task<JsonNode> ConvertAsync(this ApiHost api, string leadId, object? extra = null) =>
        api.MutateAsync("convertLead", "ConvertLeadInput", extra ?? new { leadId, createDeal = true, dealTitle = "Corporate website", dealAmountMinor = 450_000 }, ConvertResult);

    /// <summary>The single error of a payload.</summary>
    public static JsonNode Error(this JsonNode payload)
    {
        var errors = payload["errors"]!.AsArray();
        Assert.True(errors.Count == 1, payload.ToJsonString());
        return errors[0]!;
    }

    public static void AssertOk(this JsonNode payload) => Assert.True(payload["errors"]!.AsArray().Count == 0, payload.ToJsonString());
}
