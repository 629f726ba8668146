using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Api.Availability;
using Platform.Api.Security;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Api.Tests.Leads;
using Platform.Data;
using Platform.DemoData;

namespace Platform.Api.Tests.Availability;

/// <summary>The API while its PostgreSQL server is stopped: 503 with Retry-After at once, landing keys from what the node knows, back when the server is.</summary>
public sealed class DatabaseOutageTests(OutageApi api) : IClassFixture<OutageApi>
{
    private const string Leads = "{ leads(first: 3) { totalCount nodes { id } } }";

    private const string Submit = """
        mutation($input: SubmitLeadInput!) { submitLead(input: $input) { receipt { status } errors { ... on Error { code } } } }
        """;

    [Fact]
    public async Task Query_WhileDatabaseIsStopped_Is503WithRetryAfter_AndSucceedsOnceItIsBack()
    {
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(api.Client, Leads)).Status);

        await api.Server.StopAsync();
        try
        {
            // The first request learns of the outage mid-way; the next are refused before anything runs.
            AssertUnavailable(await SendAsync(api.Client, Leads));
            Assert.False(api.Availability.IsAvailable);
            AssertUnavailable(await SendAsync(api.Client, Leads));
            AssertUnavailable(await SendAsync(api.Client, "{ __typename }"));
            AssertUnavailable(await TokenAsync());
        }
        finally
        {
            await api.RestoreDatabaseAsync();
        }

        var back = await SendAsync(api.Client, Leads);
        Assert.Equal(HttpStatusCode.OK, back.Status);
        Assert.Null(back.Body["errors"]);
        Assert.True((int)back.Body["data"]!["leads"]!["totalCount"]! > 0);
    }

    [Fact]
    public async Task LandingKey_WhileDatabaseIsStopped_IsCheckedFromWhatTheNodeKnows_NeverA500()
    {
        var before = await SendAsync(api.Anonymous, Submit, new { input = api.LandingForm() }, DemoDataset.DemoLandingKey);
        Assert.Equal(HttpStatusCode.OK, before.Status);

        await api.Server.StopAsync();
        try
        {
            // The known key passes the key check; the submission is kept in the spool until the database is back.
            var known = await SendAsync(api.Anonymous, Submit, new { input = api.LandingForm() }, DemoDataset.DemoLandingKey);
            Assert.Equal(HttpStatusCode.OK, known.Status);
            Assert.Equal("QUEUED", (string?)known.Body["data"]?["submitLead"]?["receipt"]?["status"]);

            // A key this node never saw may have been created elsewhere: it cannot tell, so 503 rather than 401.
            AssertUnavailable(await SendAsync(api.Anonymous, Submit, new { input = LeadApi.Form() }, "lk_never_seen_here"));

            // A known key still may not read.
            var read = await SendAsync(api.Anonymous, Leads, landingKey: DemoDataset.DemoLandingKey);
            AssertUnavailable(read);
        }
        finally
        {
            await api.RestoreDatabaseAsync();
        }

        var after = await SendAsync(api.Anonymous, Submit, new { input = api.LandingForm() }, DemoDataset.DemoLandingKey);
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Empty(after.Body["data"]!["submitLead"]!["errors"]!.AsArray());
    }

    [Fact]
    public async Task ConfirmedClient_WhileDatabaseIsStopped_KeepsItsToken_AfterTheCheckIntervalLapsed()
    {
        var clients = api.Services.GetRequiredService<ClientStatusCache>();

        await api.Server.StopAsync();
        try
        {
            clients.Expire(DemoClients.Integration);

            // Needs no database once the token is accepted: the rule lets a mutation of only submitLead or __typename through.
            var accepted = await SendAsync(api.Client, "mutation { __typename }");
            Assert.Equal(HttpStatusCode.OK, accepted.Status);
            Assert.Equal("Mutation", (string?)accepted.Body["data"]?["__typename"]);
            AssertUnavailable(await SendAsync(api.Client, Leads));
        }
        finally
        {
            await api.RestoreDatabaseAsync();
        }
    }

    [Fact]
    public async Task DatabaseErrorOutsideGraphQL_ThatIsNoOutage_Is500Json_WithoutDetails()
    {
        // A real fault in the key check (its table is gone), not a connection failure.
        await ExecuteAsync("ALTER TABLE \"LandingKeys\" RENAME TO \"LandingKeysAway\"");
        try
        {
            var answer = await SendAsync(api.Anonymous, Submit, new { input = LeadApi.Form() }, "lk_not_cached_anywhere");

            Assert.Equal(HttpStatusCode.InternalServerError, answer.Status);
            Assert.Equal("INTERNAL_SERVER_ERROR", (string?)answer.Body["errors"]?[0]?["extensions"]?["code"]);
            Assert.DoesNotContain("LandingKeys", answer.Text);
            Assert.DoesNotMatch(@"\bat [\w.`<>]+\(", answer.Text);
            Assert.True(api.Availability.IsAvailable);
        }
        finally
        {
            await ExecuteAsync("ALTER TABLE \"LandingKeysAway\" RENAME TO \"LandingKeys\"");
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(api.Server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static void AssertUnavailable(Answer answer)
    {
        Assert.False(string.IsNullOrWhiteSpace(answer.Text), "The answer has no body.");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
        Assert.Equal(DatabaseAvailability.ErrorCode, (string?)answer.Body["errors"]?[0]?["extensions"]?["code"]);
        Assert.Equal(3, answer.RetryAfterSeconds);
        Assert.DoesNotContain("Exception", answer.Text);
        // A stack frame reads "at Namespace.Type.Method(".
        Assert.DoesNotMatch(@"\bat [\w.`<>]+\(", answer.Text);
    }

    private async Task<Answer> SendAsync(HttpClient client, string query, object? variables = null, string? landingKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (landingKey is not null)
            request.Headers.Add("X-Landing-Key", landingKey);
        using var response = await client.SendAsync(request);
        return await Answer.ReadAsync(response);
    }

    private async Task<Answer> TokenAsync()
    {
        using var response = await api.Anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = DemoClients.Integration,
            ["client_secret"] = DemoClients.SecretOf(DemoClients.Integration),
        }));
        return await Answer.ReadAsync(response);
    }

    private sealed record Answer(HttpStatusCode Status, int? RetryAfterSeconds, string Text)
    {
        public JsonObject Body => JsonNode.Parse(Text)!.AsObject();

        public static async Task<Answer> ReadAsync(HttpResponseMessage response) =>
            new(response.StatusCode, (int?)response.Headers.RetryAfter?.Delta?.TotalSeconds, await response.Content.ReadAsStringAsync());
    }
}
