using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Leads.Spool;
using Platform.Api.Tests.Infrastructure;
using Platform.Api.Tests.Leads;
using Platform.Data;
using Platform.DemoData;

namespace Platform.Api.Tests.Availability;

/// <summary>Form posts through a database outage: nothing answered as accepted is lost or stored twice.</summary>
internal static class OutageForms
{
    private const string Submit = """
        mutation($input: SubmitLeadInput!) { submitLead(input: $input) { receipt { id status } errors { ... on Error { code } } } }
        """;

    /// <summary>Posts a form with the demo landing key: the HTTP status and the receipt's status (or the error code).</summary>
    public static async Task<(HttpStatusCode Status, string Outcome)> PostAsync(HttpClient client, Dictionary<string, object?> input)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = Submit, variables = new { input } }) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        request.Headers.Add("X-Landing-Key", DemoDataset.DemoLandingKey);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonNode.Parse(text)!;
        var outcome = (string?)body["data"]?["submitLead"]?["receipt"]?["status"]
            ?? (string?)body["errors"]?[0]?["extensions"]?["code"]
            ?? (string?)body["data"]?["submitLead"]?["errors"]?[0]?["code"]
            ?? text;
        return (response.StatusCode, outcome);
    }

    /// <summary>How many leads each form's phone has, as the API stored them.</summary>
    public static async Task<int[]> LeadsPerPersonAsync(ApiHost api, IEnumerable<Dictionary<string, object?>> forms)
    {
        var phones = forms.Select(LeadApi.E164).ToList();
        await using var scope = api.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Leads.Where(l => phones.Contains(l.Phone!)).Select(l => l.Phone!).ToListAsync();
        var counts = stored.CountBy(p => p).ToDictionary();
        return phones.Select(p => counts.GetValueOrDefault(p)).ToArray();
    }
}

/// <summary>PostgreSQL stopped and started again while forms keep coming from several clients.</summary>
public sealed class OutageUnderLoadTests(OutageApi api) : IClassFixture<OutageApi>
{
    [Fact]
    public async Task DatabaseStoppedAndRestartedUnderLoad_EverySubmissionIsAnswered_AndStoredExactlyOnce()
    {
        const int clients = 8, perClient = 50;
        Assert.Equal((HttpStatusCode.OK, "ACCEPTED"), await OutageForms.PostAsync(api.Anonymous, api.LandingForm())); // the node knows the key
        var forms = Enumerable.Range(0, clients * perClient).Select(_ => api.LandingForm()).ToArray();
        var answered = 0;
        var stopAt = new TaskCompletionSource();
        var startAt = new TaskCompletionSource();

        // The outage follows the load: the server stops after a quarter of the forms and starts after half.
        var outage = Task.Run(async () =>
        {
            await stopAt.Task;
            await api.Server.StopAsync();
            await startAt.Task;
            await api.RestoreDatabaseAsync();
        });
        var answers = await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var mine = new List<(HttpStatusCode, string)>();
            for (var i = 0; i < perClient; i++)
            {
                mine.Add(await OutageForms.PostAsync(api.Anonymous, forms[c * perClient + i]));
                var count = Interlocked.Increment(ref answered);
                if (count == forms.Length / 4)
                    stopAt.SetResult();
                if (count == forms.Length / 2)
                    startAt.SetResult();
            }
            return mine;
        })));
        await outage;
        await api.Services.GetRequiredService<SubmissionSpool>().WhenEmptyAsync().WaitAsync(TimeSpan.FromMinutes(2));

        var all = answers.SelectMany(a => a).ToList();
        Assert.All(all, a => Assert.True(a.Item1 == HttpStatusCode.OK && a.Item2 is "ACCEPTED" or "QUEUED", $"{(int)a.Item1} {a.Item2}"));
        Assert.Contains(all, a => a.Item2 == "QUEUED");
        Assert.All(await OutageForms.LeadsPerPersonAsync(api, forms), count => Assert.Equal(1, count));
    }
}

/// <summary>
/// A node that ends during an outage leaves its spool file; the node started in its place, while the database is still
/// down, knows the landing keys its predecessor knew, keeps queueing forms, and stores all of them once the database is back.
/// </summary>
public sealed class SpoolTakeOverTests(OutageApi api) : IClassFixture<OutageApi>
{
    [Fact]
    public async Task NodeRestartedDuringAnOutage_KeepsQueueing_AndStoresItsPredecessorsSpoolToo()
    {
        Assert.Equal((HttpStatusCode.OK, "ACCEPTED"), await OutageForms.PostAsync(api.Anonymous, api.LandingForm())); // the node knows the key
        var before = Enumerable.Range(0, 5).Select(_ => api.LandingForm()).ToArray();
        var after = Enumerable.Range(0, 3).Select(_ => api.LandingForm()).ToArray();
        await api.Server.StopAsync();
        foreach (var form in before)
            Assert.Equal((HttpStatusCode.OK, "QUEUED"), await OutageForms.PostAsync(api.Anonymous, form));
        await api.StopNodeAsync();

        await using var restarted = new RestartedNode(api) { SpoolPath = api.SpoolPath };
        await restarted.InitializeAsync();
        foreach (var form in after)
            Assert.Equal((HttpStatusCode.OK, "QUEUED"), await OutageForms.PostAsync(restarted.Anonymous, form));
        await api.Server.StartAsync();
        await restarted.Services.GetRequiredService<SubmissionSpool>().WhenEmptyAsync().WaitAsync(TimeSpan.FromMinutes(1));

        Assert.All(await OutageForms.LeadsPerPersonAsync(restarted, before.Concat(after)), count => Assert.Equal(1, count));
    }

    /// <summary>The node of <paramref name="ended"/> started again on its database, while that may still be down.</summary>
    private sealed class RestartedNode(ApiHost ended) : ApiHost(ended.Provider), IAsyncDisposable
    {
        protected override ApiHost? NodeOf => ended;

        protected override bool GetsClientAtStart => false;

        protected override void Configure(Microsoft.AspNetCore.Builder.WebApplicationBuilder builder)
        {
            builder.Configuration["GraphQL:RequestTimeout"] = "00:05:00";
            builder.Configuration["Availability:ProbeInterval"] = "00:00:00.200";
        }

        async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
    }
}
