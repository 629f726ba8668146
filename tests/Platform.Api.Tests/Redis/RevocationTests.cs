using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Leads;
using Platform.Api.Redis;
using Platform.Api.Security;
using Platform.Api.Tests.Infrastructure;
using Platform.Api.Tests.Leads;

namespace Platform.Api.Tests.Redis;

/// <summary>
/// With Redis, a client or landing key revoked on node A is refused on node B at once, though B had it cached (clients
/// for an hour in tests, landing keys for 30 s) and no clock moves.
/// </summary>
public sealed class RevocationTests(TwoRedisNodes nodes) : IClassFixture<TwoRedisNodes>
{
    private const string LeadsQuery = "{ leads(first: 1) { totalCount } }";

    [Fact]
    public async Task ClientRevokedOnA_IsRefusedOnB()
    {
        const string clientId = "integration-revoked-on-a";
        await using (var scope = nodes.A.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ClientRegistry>().AddAsync(clientId, ClientKinds.Integration, "Revoked on A", secret: "revoked-on-a");
        var onB = await nodes.B.ClientForAsync(clientId, secret: "revoked-on-a");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(onB, LeadsQuery));

        await RevokeOnAAsync($"{Revocations.Client}:{clientId}", services => services.GetRequiredService<ClientRegistry>().RevokeAsync(clientId));

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(onB, LeadsQuery));
    }

    [Fact]
    public async Task LandingKeyRevokedOnA_IsRefusedOnB()
    {
        string key;
        await using (var scope = nodes.A.Services.CreateAsyncScope())
            key = (await scope.ServiceProvider.GetRequiredService<LandingKeyRegistry>().AddAsync("Revoked on A", "revoked-on-a", null, false, false)).Key;
        Assert.Equal(HttpStatusCode.OK, await SubmitOnBAsync(key));

        await RevokeOnAAsync($"{Revocations.LandingKey}:{key}", services => services.GetRequiredService<LandingKeyRegistry>().RevokeAsync(key));

        Assert.Equal(HttpStatusCode.Unauthorized, await SubmitOnBAsync(key));
    }

    /// <summary>Revokes on A and returns once B has applied the announcement.</summary>
    private async Task RevokeOnAAsync(string announcement, Func<IServiceProvider, Task<bool>> revoke)
    {
        var applied = new TaskCompletionSource();
        var listener = nodes.B.Services.GetRequiredService<RevocationListener>();
        Action<string> onApplied = message =>
        {
            if (message == announcement)
                applied.TrySetResult();
        };
        listener.Applied += onApplied;
        try
        {
            await using (var scope = nodes.A.Services.CreateAsyncScope())
                Assert.True(await revoke(scope.ServiceProvider));
            await applied.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            listener.Applied -= onApplied;
        }
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
