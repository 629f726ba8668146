using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Infrastructure;
using Platform.Data;
using Platform.DemoData;
using Platform.Domain.Leads;

namespace Platform.Api.Tests.Leads;

/// <summary>How a submission reaches the API.</summary>
public enum SubmissionPath
{
    /// <summary>A landing page: its key, no token (the intake batch).</summary>
    LandingKey,

    /// <summary>A landing page with a partner's referral code (one by one).</summary>
    LandingKeyWithCode,

    /// <summary>An integration's token (the intake batch).</summary>
    Integration,

    /// <summary>A partner's own token (one by one, partner-scoped).</summary>
    Partner,
}

/// <summary>
/// One person, one open lead, whatever the path and however many API nodes: concurrent submissions of one person on two
/// nodes sharing a database make exactly one lead, and every other accepted submission is a repeat touch on it.
/// </summary>
public abstract class OnePersonOneLeadTests<TNodes>(TNodes nodes) where TNodes : TwoNodes
{
    private const string Mutation = """
        mutation($input: SubmitLeadInput!) { submitLead(input: $input) { receipt { id status } lead { id } errors { __typename ... on Error { code message } } } }
        """;

    [Theory]
    [InlineData(SubmissionPath.LandingKey, false)]
    [InlineData(SubmissionPath.LandingKey, true)]
    [InlineData(SubmissionPath.LandingKeyWithCode, false)]
    [InlineData(SubmissionPath.Integration, false)]
    [InlineData(SubmissionPath.Partner, false)]
    [InlineData(SubmissionPath.Partner, true)]
    public async Task ConcurrentSubmissionsOfOnePerson_OnTwoNodes_MakeOneLead_AndTouchesForAllOthers(SubmissionPath path, bool idempotencyKeys)
    {
        const int perNode = 30;
        var phone = LeadApi.NewPhone();
        var clients = new[] { await ClientAsync(nodes.A, path), await ClientAsync(nodes.B, path) };

        var answers = await Task.WhenAll(clients.SelectMany(client => Enumerable.Range(0, perNode).Select(_ =>
            SubmitAsync(client, path, phone, idempotencyKeys ? Guid.NewGuid().ToString() : null, nodes.A.FormToken()))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.All(answers, a => Assert.True(a.Payload["errors"]!.AsArray().Count == 0 && (string?)a.Payload["receipt"]?["status"] == "ACCEPTED", a.Payload.ToJsonString()));
        var e164 = "+" + new string(phone.Where(char.IsDigit).ToArray());
        await using var scope = nodes.A.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var lead = await db.Leads.AsNoTracking().Where(l => l.Phone == e164).SingleAsync();
        Assert.Equal(2 * perNode, lead.TouchCount);
        Assert.Equal(2 * perNode - 1, await db.Activities.CountAsync(a => a.LeadId == lead.Id && a.Type == ActivityType.FormSubmission));
        if (path is SubmissionPath.LandingKeyWithCode or SubmissionPath.Partner)
            Assert.Equal(1, await db.Referrals.CountAsync(r => r.LeadId == lead.Id));
        if (path is not (SubmissionPath.LandingKey or SubmissionPath.LandingKeyWithCode))
            Assert.All(answers, a => Assert.Equal(GlobalIdOf(lead), (string?)a.Payload["lead"]?["id"]));
    }

    private static string GlobalIdOf(Lead lead) => Platform.GraphQL.Server.Relay.GlobalId.Encode(nameof(Lead), lead.Id);

    private static async Task<HttpClient> ClientAsync(ApiHost node, SubmissionPath path) => path switch
    {
        SubmissionPath.Integration => await node.ClientForAsync(DemoClients.Integration),
        SubmissionPath.Partner => await node.ClientForAsync("partner-bright-ads"),
        _ => node.Anonymous,
    };

    private static async Task<(HttpStatusCode Status, JsonNode Payload)> SubmitAsync(HttpClient client, SubmissionPath path, string phone, string? idempotencyKey, string formToken)
    {
        var input = new Dictionary<string, object?> { ["firstName"] = "Olga", ["phone"] = phone, ["formToken"] = formToken };
        if (path == SubmissionPath.LandingKeyWithCode)
            input["referralCode"] = "BRIGHT-10";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = Mutation, variables = new { input } }) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (path is SubmissionPath.LandingKey or SubmissionPath.LandingKeyWithCode)
            request.Headers.Add("X-Landing-Key", DemoDataset.DemoLandingKey);
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var json = JsonNode.Parse(body)!;
        Assert.True(json["errors"] is null, body);
        return (response.StatusCode, json["data"]!["submitLead"]!);
    }
}

public sealed class DefaultOnePersonOneLeadTests(TwoDefaultNodes nodes) : OnePersonOneLeadTests<TwoDefaultNodes>(nodes), IClassFixture<TwoDefaultNodes>;

public sealed class PostgresOnePersonOneLeadTests(TwoPostgresNodes nodes) : OnePersonOneLeadTests<TwoPostgresNodes>(nodes), IClassFixture<TwoPostgresNodes>;
