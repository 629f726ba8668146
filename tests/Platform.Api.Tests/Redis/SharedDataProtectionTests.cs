using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Platform.Api.Tests.Redis;

/// <summary>
/// With Redis, the data-protection keys (the staff sign-in cookie, the login form's antiforgery token) live there, so
/// what one node protects another reads, even where each node was given a keys folder of its own.
/// </summary>
public sealed class SharedDataProtectionTests(SharedDataProtectionTests.Nodes nodes) : IClassFixture<SharedDataProtectionTests.Nodes>
{
    /// <summary>Two nodes whose keys folders differ: only Redis can make them agree.</summary>
    public sealed class Nodes : TwoRedisNodes
    {
        private readonly string _folders = Directory.CreateTempSubdirectory("platform-dp-").FullName;

        protected override IReadOnlyDictionary<string, string> SettingsOf(string node) =>
            new Dictionary<string, string> { ["DataProtection:KeysDirectory"] = Path.Combine(_folders, node) };

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            Directory.Delete(_folders, recursive: true);
        }
    }

    [Fact]
    public void PayloadProtectedOnA_IsReadOnB()
    {
        const string purpose = "Platform.Tests.SharedKeys";
        var protectedOnA = nodes.A.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose).Protect("staff session");

        var readOnB = nodes.B.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose).Unprotect(protectedOnA);

        Assert.Equal("staff session", readOnB);
        var redis = nodes.A.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        Assert.True(redis.ListLength("platform:data-protection-keys") > 0);
    }
}
