using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Security;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Security;

/// <summary>Admin scopes an integration gets only when granted at <c>clients add --scopes</c>, and never a kind that may not have them.</summary>
public sealed class ClientScopesTests(DefaultApi api) : IClassFixture<DefaultApi>
{
    private const string Approve = "mutation { approveDueRewards { approved { id } } }";
    private const string SalesPlan = """mutation { setSalesPlan(input: { year: 2026, quarter: 3, target: { amount: 100000, currency: "EUR" } }) { errors { __typename } } }""";

    [Fact]
    public async Task IntegrationGrantedReferralsAdmin_ManagesReferralsButNotPlans_AndMayAskForFewerScopes()
    {
        var clientId = await AddAsync(ClientKinds.Integration, [Scopes.ReferralsAdmin]);

        var full = await api.ClientForAsync(clientId, secret: Secret);
        var fewer = await api.ClientForAsync(clientId, scope: $"{Scopes.CrmRead} {Scopes.CrmWrite}", secret: Secret);

        Assert.Null((await api.PostAsync(full, Approve))["errors"]);
        AssertDenied(await api.PostAsync(full, SalesPlan));
        AssertDenied(await api.PostAsync(fewer, Approve));
    }

    [Fact]
    public async Task IntegrationGrantedNothing_GetsNoAdminScope_NotEvenWhenItAsks()
    {
        var clientId = await AddAsync(ClientKinds.Integration, []);

        var plain = await api.ClientForAsync(clientId, secret: Secret);
        var (status, body) = await TokenAsync(clientId, $"{Scopes.CrmRead} {Scopes.ReferralsAdmin}");

        AssertDenied(await api.PostAsync(plain, Approve));
        AssertDenied(await api.PostAsync(plain, SalesPlan));
        Assert.Null((await api.PostAsync(plain, "{ leads(first: 1) { totalCount } }"))["errors"]);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("scope", (string?)body["error_description"]);
    }

    [Fact]
    public async Task IntegrationGrantedPlansWrite_SetsPlans()
    {
        var clientId = await AddAsync(ClientKinds.Integration, [Scopes.PlansWrite]);

        var result = await api.PostAsync(await api.ClientForAsync(clientId, secret: Secret), SalesPlan);

        Assert.True(result["errors"] is null, result.ToJsonString());
        AssertDenied(await api.PostAsync(await api.ClientForAsync(clientId, secret: Secret), Approve));
    }

    [Theory]
    [InlineData(ClientKinds.Bi, Scopes.ReferralsAdmin, "cannot be granted to bi clients; they may be granted metrics:read")]
    [InlineData(ClientKinds.Landing, Scopes.CrmWrite, "cannot be granted to landing clients: they get leads:submit and nothing more")]
    [InlineData(ClientKinds.Integration, Scopes.KpiRead, "cannot be granted to integration clients; they may be granted referrals:admin, plans:write")]
    [InlineData(ClientKinds.Integration, "everything", "Scope `everything` cannot be granted")]
    public async Task GrantingAScopeTheKindMayNotHave_IsAClearError_AndCreatesNoClient(string kind, string scope, string message)
    {
        var clientId = $"{kind}-{Guid.NewGuid():N}";
        await using var services = api.Services.CreateAsyncScope();
        var registry = services.ServiceProvider.GetRequiredService<ClientRegistry>();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => registry.AddAsync(clientId, kind, "Refused", secret: Secret, grantedScopes: [scope]));

        Assert.Contains(message, error.Message);
        Assert.False(await registry.ExistsAsync(clientId));
    }

    private const string Secret = "client-scopes-test-secret";

    private async Task<string> AddAsync(string kind, string[] scopes)
    {
        var clientId = $"{kind}-{Guid.NewGuid():N}";
        await using var services = api.Services.CreateAsyncScope();
        await services.ServiceProvider.GetRequiredService<ClientRegistry>().AddAsync(clientId, kind, "Scopes test", secret: Secret, grantedScopes: scopes);
        return clientId;
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> TokenAsync(string clientId, string scope)
    {
        using var response = await api.Anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = Secret, ["scope"] = scope,
        }));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    private static void AssertDenied(JsonObject result)
    {
        Assert.Equal("ACCESS_DENIED", (string?)result["errors"]?[0]?["extensions"]?["code"]);
        Assert.Null(result["data"]);
    }
}
