using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Leads.FormTokens;
using Platform.Api.Security;
using Platform.Data;
using Platform.DemoData;

namespace Platform.Benchmarks;

/// <summary>
/// A named GraphQL request that every client sends in a loop. <see cref="Variables"/> gets the
/// request's sequence number (0, 1, 2… across all clients), so a scenario can make each request
/// distinct; <see cref="CountRows"/>, when set, counts the rows the run wrote, to compare with the
/// accepted requests (none lost, none duplicated). <see cref="ClientId"/> is the demo OAuth client whose token the
/// requests carry; null sends no token (a landing page's form post).
/// </summary>
internal sealed record Scenario(
    string Name,
    string Description,
    string Query,
    Func<long, IReadOnlyDictionary<string, object?>> Variables,
    IReadOnlyDictionary<string, string>? Headers = null,
    Func<PlatformDbContext, Task<long>>? CountRows = null,
    string? ClientId = DemoClients.Integration)
{
    public Scenario(string name, string description, string query, IReadOnlyDictionary<string, object?> variables)
        : this(name, description, query, _ => variables)
    {
    }

    /// <summary>The GraphQL-over-HTTP POST body (<c>{query, variables}</c>) of request <paramref name="sequence"/> as UTF-8 JSON.</summary>
    public byte[] RequestBody(long sequence) => JsonSerializer.SerializeToUtf8Bytes(new { query = Query, variables = Variables(sequence) });
}

/// <summary>The scenarios, by name. Add one entry per new scenario.</summary>
internal static class Scenarios
{
    /// <summary>Marks this run's submissions (idempotency keys), so rows of earlier runs are not counted.</summary>
    private static readonly string RunId = Guid.NewGuid().ToString("N")[..8];

    /// <summary>The form was rendered well before: past the minimum fill time (spam check).</summary>
    private static readonly DateTime RenderedAt = DateTime.UtcNow.AddMinutes(-1);

    /// <summary>
    /// Signs the form token each landing-page request sends, as GET /forms/token gave it when the form was shown
    /// (<see cref="RenderedAt"/>): the API's own signer, set by Program once the app is built.
    /// </summary>
    public static FormTokenSigner? FormTokens { get; set; }

    public static readonly IReadOnlyDictionary<string, Scenario> All = new[]
    {
        new Scenario(
            "leads-graph",
            "first 50 leads with owner, client and their 5 latest activities (the query of scripts/postgraphile-peer.sh)",
            """
            query Leads($first: Int!) { leads(first: $first) { nodes { id firstName owner { name } client { name } activities(first: 5) { nodes { type occurredAt } } } } }
            """,
            new Dictionary<string, object?> { ["first"] = 50 }),
        new Scenario(
            "floor",
            "{ __typename } without a token: what HTTP, the GraphQL server and the in-process client cost before any feature runs",
            "{ __typename }",
            new Dictionary<string, object?>()) { ClientId = null },
        SubmitLead("submit-lead", "a landing page's form post: the demo landing key and a fresh form token, no access token", DemoDataset.DemoLandingKey, clientId: null),
        SubmitLead("submit-lead-integration", "a partner system's submission: the demo integration client's token, no landing key", landingKey: null, DemoClients.Integration),
        SubmitRepeat(),
        new Scenario(
            "kpi",
            "monthly lead funnel + revenue report over the last two years (the trusted BI document), as the demo BI client",
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "documents", "kpi-funnel-revenue.graphql")),
            _ => new Dictionary<string, object?> { ["from"] = DateTime.UtcNow.Date.AddYears(-2), ["to"] = DateTime.UtcNow.Date.AddDays(1), ["bucket"] = "MONTH" },
            ClientId: DemoClients.Bi),
        new Scenario(
            "kpi-pipeline",
            "monthly pipeline funnel, proposal time and hourglass over the last two years (the trusted BI document kpi-pipeline-hourglass), as the demo BI client",
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "documents", "kpi-pipeline-hourglass.graphql")),
            _ => new Dictionary<string, object?> { ["from"] = DateTime.UtcNow.Date.AddYears(-2), ["to"] = DateTime.UtcNow.Date.AddDays(1), ["bucket"] = "MONTH" },
            ClientId: DemoClients.Bi),
        new Scenario(
            "kpi-sleeping",
            "monthly sleeping clients per manager and proposal time over the last two years (both computed in SQL), as the demo BI client",
            """
            query($range: KpiRange!, $byManager: KpiRange!) {
              sleepingClientsKpi(range: $byManager) { bucketStart dimension asOf payingClients sleepingClients sleepingRate }
              proposalTimeKpi(range: $range) { bucketStart proposals averageHours medianHours }
            }
            """,
            _ => new Dictionary<string, object?>
            {
                ["range"] = new { from = DateTime.UtcNow.Date.AddYears(-2), to = DateTime.UtcNow.Date.AddDays(1), bucket = "MONTH" },
                ["byManager"] = new { from = DateTime.UtcNow.Date.AddYears(-2), to = DateTime.UtcNow.Date.AddDays(1), bucket = "MONTH", groupBy = "MANAGER" },
            },
            ClientId: DemoClients.Bi),
    }.ToDictionary(s => s.Name, StringComparer.Ordinal);

    /// <summary>submitLead of a distinct person (phone) and idempotency key per request; the run counts the leads it wrote.</summary>
    private static Scenario SubmitLead(string name, string caller, string? landingKey, string? clientId) => new(
        name,
        $"submitLead as {caller}: a distinct person (phone) and idempotency key per request",
        """
        mutation Submit($input: SubmitLeadInput!) { submitLead(input: $input) { receipt { id status } errors { __typename } } }
        """,
        n => new Dictionary<string, object?>
        {
            ["input"] = new Dictionary<string, object?>
            {
                ["firstName"] = "Bench",
                ["phone"] = $"+7916{n % 10_000_000:0000000}",
                ["company"] = "Load Test Ltd",
                ["message"] = "We need a new website.",
                ["utmSource"] = "benchmark",
                ["idempotencyKey"] = $"bench-{RunId}-{n}",
                ["formRenderedAt"] = RenderedAt,
                ["formToken"] = landingKey is null ? null : FormTokens!.Issue(landingKey, RenderedAt),
            },
        },
        landingKey is null ? null : new Dictionary<string, string> { ["X-Landing-Key"] = landingKey },
        db => db.Leads.LongCountAsync(l => l.IdempotencyKey!.StartsWith($"bench-{RunId}-")),
        clientId);

    /// <summary>How many people <c>submit-repeat</c> submits over and over.</summary>
    private const int RepeatPeople = 20;

    /// <summary>This run's people of <c>submit-repeat</c>: valid numbers no other run (nor the demo data) uses.</summary>
    private static readonly string[] RepeatPhones = Enumerable.Range(0, RepeatPeople)
        .Select(i => $"+7917{Random.Shared.Next(0, 99_999) * 100 + i:0000000}").ToArray();

    /// <summary>
    /// A storm of repeat submissions: the same 20 people over and over from a landing page, without idempotency keys;
    /// the first of each makes a lead, every other one a touch. The run checks the touch counts add up to the accepted
    /// requests.
    /// </summary>
    private static Scenario SubmitRepeat() => new(
        "submit-repeat",
        $"submitLead as a landing page (the demo landing key and a fresh form token, no access token): the same {RepeatPeople} people over and over, no idempotency key",
        """
        mutation Submit($input: SubmitLeadInput!) { submitLead(input: $input) { receipt { id status } errors { __typename } } }
        """,
        n => new Dictionary<string, object?>
        {
            ["input"] = new Dictionary<string, object?>
            {
                ["firstName"] = "Bench",
                ["phone"] = RepeatPhones[n % RepeatPeople],
                ["message"] = "Any news about my request?",
                ["utmSource"] = "benchmark",
                ["formRenderedAt"] = RenderedAt,
                ["formToken"] = FormTokens!.Issue(DemoDataset.DemoLandingKey, RenderedAt),
            },
        },
        new Dictionary<string, string> { ["X-Landing-Key"] = DemoDataset.DemoLandingKey },
        async db =>
        {
            var phones = RepeatPhones.Select(p => "+" + new string(p.Where(char.IsDigit).ToArray())).ToList();
            return await db.Leads.Where(l => phones.Contains(l.Phone!)).SumAsync(l => (long)l.TouchCount);
        },
        ClientId: null);
}
