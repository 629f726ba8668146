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

    /// <summary>Whether any usable key allows <paramref name="origin"/>: a CORS preflight carries no key value.</summary>
    public async Task<bool> AnyKeyAllowsAsync(string origin, CancellationToken ct)
    {
        var origins = await cache.GetOrCreateAsync("landing-key-origins", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            var lists = await db.LandingKeys.AsNoTracking().Where(k => k.IsActive && k.RevokedAt == null).Select(k => k.AllowedOrigins).ToListAsync(ct);
            return lists.SelectMany(Split).ToHashSet(StringComparer.OrdinalIgnoreCase);
        });
        return origins!.Contains(origin);
    }

    /// <summary>Whether <paramref name="key"/> lists <paramref name="origin"/> (<c>null</c> stands for file:// pages).</summary>
    public static bool Allows(LandingKey key, string origin) => Split(key.AllowedOrigins).Contains(origin, StringComparer.OrdinalIgnoreCase);

    /// <summary>Drops what this node cached about <paramref name="key"/>, so a revocation takes effect here at once.</summary>
    public void Evict(string key)
    {
        cache.Remove(("landing-key", key));
        cache.Remove("landing-key-origins");
    }

    private static IEnumerable<string> Split(string? origins) =>
        (origins ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(o => o.TrimEnd('/'));
}
