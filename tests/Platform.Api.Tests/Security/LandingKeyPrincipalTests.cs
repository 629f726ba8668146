using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Security;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Security;

/// <summary>A landing-key caller may submit leads and nothing else.</summary>
public sealed class LandingKeyPrincipalTests(DefaultApi api) : IClassFixture<DefaultApi>
{
    public static TheoryData<string> AllPolicies => [.. Policies.Callers.Keys];

    [Theory]
    [MemberData(nameof(AllPolicies))]
    public async Task LandingKey_PassesOnlyLeadsSubmit(string policy)
    {
        var authorization = api.Services.GetRequiredService<IAuthorizationService>();

        var result = await authorization.AuthorizeAsync(LandingKeyPrincipal.Create("lk_demo"), policy);

        Assert.Equal(policy == Policies.LeadsSubmit, result.Succeeded);
    }
}
