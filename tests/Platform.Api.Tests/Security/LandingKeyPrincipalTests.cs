using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Security;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Security;

/// <summary>A landing-key caller may submit leads and nothing else.</summary>
public sealed class LandingKeyPrincipalTests(DefaultApi api) : IClassFixture<DefaultApi>
{
    [Theory]
    [InlineData(Policies.LeadsSubmit, true)]
    [InlineData(Policies.CrmRead, false)]
    [InlineData(Policies.CrmWrite, false)]
    [InlineData(Policies.LeadsRead, false)]
    [InlineData(Policies.KpiRead, false)]
    [InlineData(Policies.Partner, false)]
    [InlineData(Policies.Staff, false)]
    public async Task LandingKey_PassesOnlyLeadsSubmit(string policy, bool allowed)
    {
        var authorization = api.Services.GetRequiredService<IAuthorizationService>();

        var result = await authorization.AuthorizeAsync(LandingKeyPrincipal.Create("lk_demo"), policy);

        Assert.Equal(allowed, result.Succeeded);
    }
}
