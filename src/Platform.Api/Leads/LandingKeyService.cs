using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Platform.Api.Availability;
using Platform.Data;
using Platform.Domain.Leads;

namespace Platform.Api.Leads;

/// <summary>
/// Looks up the landing key of the <c>X-Landing-Key</c> header. One place, so that the security
/// layer (CORS, which operations a key may call) can reuse it. Keys are cached briefly: a form
/// posts with the same key again and again. While the database is unreachable the answer comes from
/// <see cref="KnownLandingKeys"/>: a key this node has seen keeps its last known state; a key it never saw
/// cannot be told from one created on another node, so the caller gets 503 (<see cref="DatabaseUnavailableException"/>)
/// rather than a refusal it would take as final.
/// </summary>
public sealed class LandingKeyService(PlatformDbContext db, IMemoryCache cache, KnownLandingKeys known, DatabaseAvailability availability)
{
    public const string Header = "X-Landing-Key";

    private const string OriginsEntry = "landing-key-origins";

    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    /// <summary>The key when it exists and is usable (active, not revoked); otherwise null.</summary>
    /// <exception cref="DatabaseUnavailableException">The database is unreachable and this node never saw the key.</exception>
    public async Task<LandingKey?> FindUsableAsync(string key, CancellationToken ct)
    {
        if (!cache.TryGetValue(("landing-key", key), out LandingKey? found))
        {
            if (!availability.IsAvailable)
                return LastKnown(key);
            try
            {
                found = await db.LandingKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Key == key, ct);
            }
            catch (Exception e) when (availability.ReportFailure(e))
            {
                return LastKnown(key);
            }
            cache.Set(("landing-key", key), found, CacheFor);
            if (found is not null)
                known.Remember(found);
        }
        return found is { IsUsable: true } ? found : null;
    }

    /// <summary>Whether any usable key allows <paramref name="origin"/>: a CORS preflight carries no key value.</summary>
    public async Task<bool> AnyKeyAllowsAsync(string origin, CancellationToken ct)
    {
        if (!cache.TryGetValue(OriginsEntry, out HashSet<string>? origins))
        {
            if (!availability.IsAvailable)
                return known.UsableOrigins(Split).Contains(origin);
            try
            {
                var lists = await db.LandingKeys.AsNoTracking().Where(k => k.IsActive && k.RevokedAt == null).Select(k => k.AllowedOrigins).ToListAsync(ct);
                origins = lists.SelectMany(Split).ToHashSet(StringComparer.OrdinalIgnoreCase);
            }
            catch (Exception e) when (availability.ReportFailure(e))
            {
                return known.UsableOrigins(Split).Contains(origin);
            }
            cache.Set(OriginsEntry, origins, CacheFor);
        }
        return origins!.Contains(origin);
    }

    /// <summary>Whether <paramref name="key"/> lists <paramref name="origin"/> (<c>null</c> stands for file:// pages).</summary>
    public static bool Allows(LandingKey key, string origin) => Split(key.AllowedOrigins).Contains(origin, StringComparer.OrdinalIgnoreCase);

    /// <summary>Drops what this node cached about <paramref name="key"/>, so a revocation takes effect here at once.</summary>
    public void Evict(string key) => Evict(cache, known, key);

    /// <summary><see cref="Evict(string)"/> without a service, for a revocation announced by another node.</summary>
    internal static void Evict(IMemoryCache cache, KnownLandingKeys known, string key)
    {
        cache.Remove(("landing-key", key));
        cache.Remove(OriginsEntry);
        known.Forget(key);
    }

    private LandingKey? LastKnown(string key) =>
        known.TryGet(key, out var found) ? found.IsUsable ? found : null : throw new DatabaseUnavailableException();

    private static IEnumerable<string> Split(string? origins) =>
        (origins ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(o => o.TrimEnd('/'));
}
