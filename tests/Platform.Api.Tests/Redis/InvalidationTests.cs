using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Leads;
using Platform.Api.Redis;
using Platform.Api.Security;
using Platform.Api.Tests.Infrastructure;
using Platform.Api.Tests.Leads;
using Platform.DemoData;

namespace Platform.Api.Tests.Redis;

/// <summary>
/// With Redis, a client or landing key revoked on node A is refused on node B at once, though B had it cached (clients
/// for an hour in tests, landing keys for 30 s) and no clock moves; a write on A makes B's cached KPI results stale as
/// A's own are.
/// </summary>
public sealed class InvalidationTests(InvalidationTests.Nodes nodes) : IClassFixture<InvalidationTests.Nodes>
{
    /// <summary>The strict freshness rule (the next request after a write recomputes), and cached results kept for an hour.</summary>
    public sealed class Nodes : TwoRedisNodes
    {
        protected override IReadOnlyDictionary<string, string> SettingsOf(string node) => new Dictionary<string, string>
        {
            ["Kpis:Cache:MaxStalenessSeconds"] = "0",
            ["Kpis:Cache:MaxAgeSeconds"] = "3600",
        };
    }

    private const string LeadsQuery = "{ leads(first: 1) { totalCount } }";

    [Fact]
    public async Task ClientRevokedOnA_IsRefusedOnB()
    {
        const string clientId = "integration-revoked-on-a";
        await using (var scope = nodes.A.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ClientRegistry>().AddAsync(clientId, ClientKinds.Integration, "Revoked on A", secret: "revoked-on-a");
        var onB = await nodes.B.ClientForAsync(clientId, secret: "revoked-on-a");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(onB, LeadsQuery));

        await RevokeOnAAsync($"{Invalidations.Client}:{clientId}", services => services.GetRequiredService<ClientRegistry>().RevokeAsync(clientId));

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(onB, LeadsQuery));
    }

    [Fact]
    public async Task LandingKeyRevokedOnA_IsRefusedOnB()
    {
        string key;
        await using (var scope = nodes.A.Services.CreateAsyncScope())
            key = (await scope.ServiceProvider.GetRequiredService<LandingKeyRegistry>().AddAsync("Revoked on A", "revoked-on-a", null, false, false)).Key;
        Assert.Equal(HttpStatusCode.OK, await SubmitOnBAsync(key));

        await RevokeOnAAsync($"{Invalidations.LandingKey}:{key}", services => services.GetRequiredService<LandingKeyRegistry>().RevokeAsync(key));

        Assert.Equal(HttpStatusCode.Unauthorized, await SubmitOnBAsync(key));
    }

    [Fact]
    public async Task KpiWriteOnA_IsReflectedOnB()
    {
        var bi = await nodes.B.ClientForAsync(DemoClients.Bi);
        var before = await LeadCountOnBAsync(bi);
        Assert.Equal(before, await LeadCountOnBAsync(bi)); // now cached on B

        await OnBAfterAsync(message => message.StartsWith(Invalidations.KpiData + ":", StringComparison.Ordinal),
            () => nodes.A.SubmitAsync(nodes.A.LandingForm()));

        Assert.Equal(before + 1, await LeadCountOnBAsync(bi));
    }

    /// <summary>Revokes on A and returns once B has applied the announcement.</summary>
    private Task RevokeOnAAsync(string announcement, Func<IServiceProvider, Task<bool>> revoke) =>
        OnBAfterAsync(message => message == announcement, async () =>
        {
            await using var scope = nodes.A.Services.CreateAsyncScope();
            Assert.True(await revoke(scope.ServiceProvider));
        });

    /// <summary>Runs <paramref name="action"/> and returns once B has applied an announcement that <paramref name="awaited"/> matches.</summary>
    private async Task OnBAfterAsync(Func<string, bool> awaited, Func<Task> action)
    {
        var applied = new TaskCompletionSource();
        var listener = nodes.B.Services.GetRequiredService<InvalidationListener>();
        Action<string> onApplied = message =>
        {
            if (awaited(message))
                applied.TrySetResult();
        };
        listener.Applied += onApplied;
        try
        {
            await action();
            await applied.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            listener.Applied -= onApplied;
        }
    }

    /// <summary>All leads created from 2020 on, by leadFunnelKpi (a cached KPI), on B.</summary>
    private async Task<long> LeadCountOnBAsync(HttpClient bi)
    {
        var data = await nodes.B.PostAsync(bi, """{ leadFunnelKpi(range: { from: "2020-01-01T00:00:00Z", to: "2040-01-01T00:00:00Z", bucket: QUARTER }) { leads } }""");
        Assert.True(data["errors"] is null, data.ToJsonString());
        return data["data"]!["leadFunnelKpi"]!.AsArray().Sum(row => (long)row!["leads"]!);
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string query)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new { query });
        return response.StatusCode;
    }

    private async Task<HttpStatusCode> SubmitOnBAsync(string landingKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new
            {
                query = "mutation($input: SubmitLeadInput!) { submitLead(input: $input) { lead { id } } }",
                variables = new { input = LeadApi.Form(("formToken", nodes.B.FormToken(landingKey))) },
            }),
        };
        request.Headers.Add("X-Landing-Key", landingKey);
        using var response = await nodes.B.Anonymous.SendAsync(request);
        return response.StatusCode;
    }
}
