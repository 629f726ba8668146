using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Leads.Spool;
using Platform.Api.Tests.Infrastructure;
using Platform.Api.Tests.Leads;
using Platform.Data;

namespace Platform.Api.Tests.Deployment;

/// <summary>
/// <c>submitLead</c> as an integration sends it while nodes stop: each submission with an idempotency key of its own
/// and a new person, answered <c>ACCEPTED</c> (stored), <c>QUEUED</c> (in the node's spool) or not at all.
/// </summary>
internal static class ShutdownLoad
{
    private const string Mutation = "mutation($input: SubmitLeadInput!) { submitLead(input: $input) { receipt { status } errors { __typename } } }";

    /// <summary>The receipt's status, or null when the node answered with a failure or not at all.</summary>
    public static async Task<string?> SubmitAsync(HttpClient client, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query = Mutation, variables = new { input = new { firstName = "Olga", phone = LeadApi.NewPhone() } } }),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        try
        {
            using var response = await client.SendAsync(request);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
            return body?["data"]?["submitLead"] is { } payload && payload["errors"]!.AsArray().Count == 0 ? (string?)payload["receipt"]?["status"] : null;
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException)
        {
            return null; // the node went away, or closed the connection before the whole answer
        }
    }

    /// <summary>How many leads carry each of <paramref name="keys"/>, once <paramref name="node"/>'s spool is empty.</summary>
    public static async Task<Dictionary<string, int>> StoredAsync(ApiHost node, IReadOnlyCollection<string> keys)
    {
        await node.Services.GetRequiredService<SubmissionSpool>().WhenEmptyAsync().WaitAsync(TimeSpan.FromMinutes(1));
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var stored = await db.Leads.Where(l => l.IdempotencyKey != null && keys.Contains(l.IdempotencyKey)).Select(l => l.IdempotencyKey!).ToListAsync();
        return stored.GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
    }
}
