using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Api.Tests.Deployment;

namespace Platform.Api.Tests.Security;

/// <summary>
/// <c>DataProtection:KeysDirectory</c>: nodes sharing it read each other's login cookies and antiforgery tokens, so a
/// sign-in may post its form to another node than the one that showed it.
/// </summary>
public sealed class SharedDataProtectionKeysTests : IAsyncLifetime
{
    private readonly EmptyDatabase _db = new("Sqlite");
    private readonly string _keys = Path.Combine(Path.GetTempPath(), $"platform-test-dp-{Guid.NewGuid():N}");

    public Task InitializeAsync() => _db.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        if (Directory.Exists(_keys))
            Directory.Delete(_keys, recursive: true);
    }

    [Fact]
    public async Task NodesSharingTheKeysDirectory_ReadWhatTheOtherProtected()
    {
        await using var first = _db.Api("Production", ("DataProtection:KeysDirectory", _keys));
        await using var second = _db.Api("Production", ("DataProtection:KeysDirectory", _keys));

        var cookie = Protector(first).Protect("signed in");

        Assert.Equal("signed in", Protector(second).Unprotect(cookie));
        Assert.NotEmpty(Directory.GetFiles(_keys, "key-*.xml"));
    }

    [Fact]
    public async Task NodesWithoutSharedKeys_CannotReadEachOthersCookies()
    {
        await using var first = _db.Api("Production", ("DataProtection:KeysDirectory", _keys));
        await using var other = _db.Api("Production", ("DataProtection:KeysDirectory", _keys + "-other"));
        try
        {
            var cookie = Protector(first).Protect("signed in");

            Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => Protector(other).Unprotect(cookie));
        }
        finally
        {
            Directory.Delete(_keys + "-other", recursive: true);
        }
    }

    private static IDataProtector Protector(IHost app) =>
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("login cookie");
}
