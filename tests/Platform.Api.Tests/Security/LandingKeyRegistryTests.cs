using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Leads;
using Platform.Api.Tests.Infrastructure;
using Platform.Api.Tests.Leads;
using Platform.Domain.Leads;

namespace Platform.Api.Tests.Security;

/// <summary>The service behind <c>landing-keys add|rotate|revoke</c>.</summary>
public sealed class LandingKeyRegistryTests(DefaultApi api) : IClassFixture<DefaultApi>
{
    [Fact]
    public async Task Add_CreatesARandomUrlSafeKeyThatWorks()
    {
        var key = await AddAsync();

        Assert.StartsWith("lk_", key.Key);
        Assert.Matches("^lk_[A-Za-z0-9_-]{32}$", key.Key);
        Assert.Equal(HttpStatusCode.OK, await SubmitStatusAsync(key.Key));
    }

    [Fact]
    public async Task Rotate_KeepsTheSettingsAndTheOldKeyStopsWorkingAtOnce()
    {
        var old = await AddAsync();
        Assert.Equal(HttpStatusCode.OK, await SubmitStatusAsync(old.Key)); // now cached on this node

        var rotated = await InScopeAsync(registry => registry.RotateAsync(old.Key));

        Assert.NotNull(rotated);
        Assert.NotEqual(old.Key, rotated.Key);
        Assert.Equal((old.Name, old.LandingPageCode, old.AllowedOrigins, old.RequireEmailInsteadOfPhone, old.TrustedDocumentsOnly),
            (rotated.Name, rotated.LandingPageCode, rotated.AllowedOrigins, rotated.RequireEmailInsteadOfPhone, rotated.TrustedDocumentsOnly));
        Assert.Equal(HttpStatusCode.Unauthorized, await SubmitStatusAsync(old.Key));
        Assert.Equal(HttpStatusCode.OK, await SubmitStatusAsync(rotated.Key));
        Assert.Null(await InScopeAsync(registry => registry.RotateAsync(old.Key)));
    }

    [Fact]
    public async Task Revoke_StopsTheKeyAtOnce()
    {
        var key = await AddAsync();
        Assert.Equal(HttpStatusCode.OK, await SubmitStatusAsync(key.Key));

        Assert.True(await InScopeAsync(registry => registry.RevokeAsync(key.Key)));

        Assert.Equal(HttpStatusCode.Unauthorized, await SubmitStatusAsync(key.Key));
        Assert.False(await InScopeAsync(registry => registry.RevokeAsync("lk_unknown")));
    }

    private Task<LandingKey> AddAsync() => InScopeAsync(registry =>
        registry.AddAsync("Spring promo", "spring-promo", "https://a.example,https://b.example", requireEmailInsteadOfPhone: false, trustedDocumentsOnly: false));

    private async Task<T> InScopeAsync<T>(Func<LandingKeyRegistry, Task<T>> action)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<LandingKeyRegistry>());
    }

    private async Task<HttpStatusCode> SubmitStatusAsync(string landingKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query = "mutation($input: SubmitLeadInput!) { submitLead(input: $input) { lead { id } } }", variables = new { input = LeadApi.Form(("formToken", api.FormToken(landingKey))) } }),
        };
        request.Headers.Add("X-Landing-Key", landingKey);
        using var response = await api.Anonymous.SendAsync(request);
        return response.StatusCode;
    }
}
