using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Api.Security;
using Platform.Api.Tests.Infrastructure;
using Platform.DemoData;

namespace Platform.Api.Tests.Security;

/// <summary>Each kind of machine client, with a real token from the token endpoint, against what it may and may not do.</summary>
public sealed class ClientAccessTests(DefaultApi api) : IClassFixture<DefaultApi>
{
    private const string LeadsQuery = "{ leads(first: 1) { totalCount } }";
    private const string SetTemperature = """
        mutation { setLeadTemperature(input: { leadId: "TGVhZDox", temperature: HOT }) { lead { id } errors { ... on Error { code message } } } }
        """;

    [Fact]
    public async Task NoToken_Is401WithBearerChallengeAndNothingRuns()
    {
        api.Sql.Clear();
        using var response = await SendAsync(api.Anonymous, LeadsQuery);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("AUTH_NOT_AUTHENTICATED", (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.Null(body["data"]);
        Assert.Empty(api.Sql.Statements);
    }

    [Fact]
    public async Task InvalidToken_Is401()
    {
        var client = api.Anonymous;
        using var request = Request(LeadsQuery);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not.a.token");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Typename_NeedsNoToken()
    {
        using var response = await SendAsync(api.Anonymous, "{ __typename }");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Integration_ReadsAndWrites()
    {
        var read = await api.QueryAsync(LeadsQuery);
        var result = await api.PostAsync(SetTemperature);

        Assert.True((int)read["leads"]!["totalCount"]! > 0);
        Assert.Null(result["errors"]);
        Assert.Empty(result["data"]!["setLeadTemperature"]!["errors"]!.AsArray());
        Assert.Equal("TGVhZDox", (string?)result["data"]!["setLeadTemperature"]!["lead"]!["id"]);
    }

    [Fact]
    public async Task IntegrationWithOnlyCrmRead_CannotWrite()
    {
        var client = await api.ClientForAsync(DemoClients.Integration, scope: Scopes.CrmRead);
        Assert.Null((await api.PostAsync(client, LeadsQuery))["errors"]);
        AssertDenied(await api.PostAsync(client, SetTemperature));
    }

    [Theory]
    [InlineData(DemoClients.Landing)]
    [InlineData(DemoClients.Bi)]
    public async Task LandingAndBi_CannotReadOrChangeTheCrm(string clientId)
    {
        var client = await api.ClientForAsync(clientId);
        AssertDenied(await api.PostAsync(client, LeadsQuery));
        AssertDenied(await api.PostAsync(client, """{ node(id: "TGVhZDox") { id } }"""));
        AssertDenied(await api.PostAsync(client, SetTemperature));
    }

    [Fact]
    public async Task Partner_ReadsLeadsButCannotChangeThem()
    {
        var client = await api.ClientForAsync("partner-bright-ads");
        Assert.Null((await api.PostAsync(client, LeadsQuery))["errors"]);
        AssertDenied(await api.PostAsync(client, SetTemperature));
        AssertDenied(await api.PostAsync(client, "{ clients(first: 1) { totalCount } }"));
    }

    [Fact]
    public async Task Introspection_IsForStaffOnlyInProduction()
    {
        Assert.True(api.Services.GetRequiredService<IHostEnvironment>().IsProduction());
        AssertDenied(await api.PostAsync("{ __schema { queryType { name } } }"));
    }

    [Fact]
    public async Task UnknownField_GetsNoSuggestionsOutsideDevelopment()
    {
        var result = await api.PostAsync("{ lead(first: 1) { totalCount } }");
        Assert.DoesNotContain("Did you mean", (string)result["errors"]![0]!["message"]!);
    }

    [Fact]
    public async Task DeniedMutation_ChangesNothing()
    {
        var client = await api.ClientForAsync(DemoClients.Landing);
        api.Sql.Clear();
        AssertDenied(await api.PostAsync(client, SetTemperature));
        Assert.Empty(api.Sql.Statements);
    }

    [Fact]
    public async Task DeniedFieldInAFragment_DeniesTheWholeRequest()
    {
        var client = await api.ClientForAsync(DemoClients.Bi);
        var result = await api.PostAsync(client, "query { ...F } fragment F on Query { leads(first: 1) { totalCount } }");
        AssertDenied(result);
        Assert.Null(result["data"]);
    }

    [Fact]
    public async Task TokenEndpoint_RejectsAWrongSecretAndAScopeOutsideTheKind()
    {
        using var wrongSecret = await RequestTokenAsync(DemoClients.Bi, "wrong", null);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        Assert.Contains("invalid_client", await wrongSecret.Content.ReadAsStringAsync());

        using var wrongScope = await RequestTokenAsync(DemoClients.Bi, DemoClients.SecretOf(DemoClients.Bi), Scopes.CrmRead);
        Assert.Equal(HttpStatusCode.BadRequest, wrongScope.StatusCode);
        Assert.Contains("scope", await wrongScope.Content.ReadAsStringAsync());

        using var unknown = await RequestTokenAsync("nobody", "secret", null);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
    }

    [Fact]
    public async Task Discovery_PublishesTheTokenEndpointAndKeys()
    {
        var discovery = JsonNode.Parse(await api.Anonymous.GetStringAsync("/.well-known/openid-configuration"))!;
        Assert.EndsWith("/connect/token", (string?)discovery["token_endpoint"]);
        var jwks = JsonNode.Parse(await api.Anonymous.GetStringAsync((string)discovery["jwks_uri"]!))!;
        Assert.NotEmpty(jwks["keys"]!.AsArray());
    }

    private static void AssertDenied(JsonObject result)
    {
        Assert.Equal("ACCESS_DENIED", (string?)result["errors"]?[0]?["extensions"]?["code"]);
        Assert.Null(result["data"]);
    }

    private Task<HttpResponseMessage> RequestTokenAsync(string clientId, string secret, string? scope)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret };
        if (scope is not null)
            form["scope"] = scope;
        return api.Anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(form));
    }

    private static HttpRequestMessage Request(string query)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        return request;
    }

    [Fact]
    public async Task RevokedClient_ItsTokenStopsWorkingAtOnce()
    {
        const string clientId = "integration-to-revoke";
        await using (var scope = api.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ClientRegistry>().AddAsync(clientId, ClientKinds.Integration, "To revoke", secret: "to-revoke-secret");
        var client = await api.ClientForAsync(clientId, secret: "to-revoke-secret");
        using (var before = await SendAsync(client, LeadsQuery))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        await using (var scope = api.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<ClientRegistry>().RevokeAsync(clientId));

        using var after = await SendAsync(client, LeadsQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string query) => client.SendAsync(Request(query));
}
