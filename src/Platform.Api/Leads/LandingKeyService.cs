using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Platform.Data;
using Platform.Domain.Leads;

namespace Platform.Api.Leads;

/// <summary>
/// Looks up the landing key of the <c>X-Landing-Key</c> header. One place, so that the security
/// layer (CORS, which operations a key may call) can reuse it. Keys are cached briefly: a form
/// posts with the same key again and again.
/// </summary>
public sealed class LandingKeyService(PlatformDbContext db, IMemoryCache cache)
{
    public const string Header = "X-Landing-Key";

    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    /// <summary>The key when it exists and is usable (active, not revoked); otherwise null.</summary>
    public async Task<LandingKey?> FindUsableAsync(string key, CancellationToken ct)
    {
        var found = await cache.GetOrCreateAsync(("landing-key", key), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            return await db.LandingKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Key == key, ct);
        });
        return found is { IsUsable: true } ? found : null;
    }
}
