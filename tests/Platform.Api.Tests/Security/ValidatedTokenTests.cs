using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Api.Security;
using Platform.Api.Tests.Infrastructure;
using Platform.DemoData;

namespace Platform.Api.Tests.Security;

/// <summary>A bearer token is validated once per node and then taken from memory, never past its expiry.</summary>
public sealed class ValidatedTokenTests(DefaultApi api) : IClassFixture<DefaultApi>
{
    private const string LeadsQuery = "{ leads(first: 1) { totalCount } }";

    [Fact]
    public async Task AValidatedToken_IsRemembered_AndNotPastItsExpiry()
    {
        var token = await api.TokenAsync(DemoClients.Integration);
        var tokens = api.Services.GetRequiredService<ValidatedTokens>();
        Assert.Null(tokens.Find(token));

        using (var first = await SendAsync(token))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using (var second = await SendAsync(token))
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(DemoClients.Integration, tokens.Find(token)?.FindFirst("client_id")?.Value);

        var lifetime = api.Services.GetRequiredService<IOptions<OAuthOptions>>().Value.AccessTokenLifetime;
        try
        {
            api.Clock.FixedAt = DateTime.UtcNow + lifetime + TimeSpan.FromMinutes(1);
            Assert.Null(tokens.Find(token));
            using var expired = await SendAsync(token);
            Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        }
        finally
        {
            api.Clock.FixedAt = null;
        }
    }

    [Fact]
    public async Task ATokenWithAnAlteredSignature_IsRefused_AndNotRemembered()
    {
        var token = await api.TokenAsync(DemoClients.Integration);
        var altered = token[..^4] + (token[^4] == 'A' ? "BBBB" : "AAAA");

        using var response = await SendAsync(altered);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(api.Services.GetRequiredService<ValidatedTokens>().Find(altered));
    }

    private Task<HttpResponseMessage> SendAsync(string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = LeadsQuery }) };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return api.Anonymous.SendAsync(request);
    }
}
