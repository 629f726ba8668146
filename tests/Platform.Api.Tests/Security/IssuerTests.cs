using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Platform.Api.Tests.Infrastructure;
using Platform.DemoData;

namespace Platform.Api.Tests.Security;

/// <summary>
/// <c>OAuth:Issuer</c>: nodes behind a load balancer, reached under different host names, issue tokens with the one
/// configured issuer and accept each other's; without it a token names the host it was issued under and is refused
/// under another.
/// </summary>
public sealed class IssuerTests(IssuerTests.Nodes nodes, DefaultApi single) : IClassFixture<IssuerTests.Nodes>, IClassFixture<DefaultApi>
{
    private const string Issuer = "https://api.example.com/";

    /// <summary>Two nodes on one database, both with <c>OAuth:Issuer</c> set.</summary>
    public sealed class Nodes() : TwoNodes(new IssuerNode(), first => new IssuerNode(first));

    private sealed class IssuerNode(ApiHost? first = null) : ApiHost(first?.Provider ?? Environment.GetEnvironmentVariable("PLATFORM_TEST_PROVIDER") ?? "Sqlite")
    {
        protected override ApiHost? NodeOf => first;

        protected override void Configure(WebApplicationBuilder builder) => builder.Configuration["OAuth:Issuer"] = Issuer;
    }

    [Fact]
    public async Task ATokenIssuedByOneNode_IsAcceptedByTheOther_UnderAnotherHostName()
    {
        var token = await TokenAsync(nodes.A.AnonymousAt("node-a.internal"));

        var (status, body) = await QueryAsync(nodes.B.AnonymousAt("node-b.internal"), token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(body["errors"]);
        Assert.Equal(Issuer, new JwtSecurityTokenHandler().ReadJwtToken(token).Issuer);
    }

    [Fact]
    public async Task TheDiscoveryDocument_NamesTheConfiguredIssuer_WhateverTheHost()
    {
        var discovery = await nodes.B.AnonymousAt("node-b.internal").GetFromJsonAsync<JsonNode>("/.well-known/openid-configuration");

        Assert.Equal(Issuer, (string?)discovery!["issuer"]);
    }

    [Fact]
    public async Task WithoutAnIssuer_ATokenIsRefusedUnderAnotherHostName()
    {
        var token = await TokenAsync(single.AnonymousAt("node-a.internal"));

        var (status, _) = await QueryAsync(single.AnonymousAt("node-b.internal"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("http://node-a.internal/", new JwtSecurityTokenHandler().ReadJwtToken(token).Issuer);
    }

    private static async Task<string> TokenAsync(HttpClient client)
    {
        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = DemoClients.Integration,
            ["client_secret"] = DemoClients.SecretOf(DemoClients.Integration),
        }));
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["access_token"]!;
    }

    private static async Task<(HttpStatusCode Status, JsonNode Body)> QueryAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ leads(first: 1) { totalCount } }" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }
}
