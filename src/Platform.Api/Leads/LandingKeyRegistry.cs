using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Redis;
using Platform.Data;
using Platform.Domain.Leads;

namespace Platform.Api.Leads;

/// <summary>Adds, rotates and revokes landing keys (the <c>landing-keys …</c> admin commands).</summary>
public sealed class LandingKeyRegistry(PlatformDbContext db, LandingKeyService keys, Invalidations invalidations, TimeProvider clock)
{
    /// <summary>Stores a new key with a random URL-safe value and returns it.</summary>
    public async Task<LandingKey> AddAsync(string name, string landingPageCode, string? allowedOrigins,
        bool requireEmailInsteadOfPhone, bool trustedDocumentsOnly, CancellationToken ct = default)
    {
        var key = new LandingKey
        {
            Key = NewKey(),
            Name = name,
            LandingPageCode = landingPageCode,
            AllowedOrigins = allowedOrigins,
            RequireEmailInsteadOfPhone = requireEmailInsteadOfPhone,
            TrustedDocumentsOnly = trustedDocumentsOnly,
        };
        db.LandingKeys.Add(key);
        await db.SaveChangesAsync(ct);
        keys.Evict(key.Key);
        return key;
    }

    /// <summary>Replaces a usable key by a new one with the same settings; null when there is no usable <paramref name="oldKey"/>.</summary>
    public async Task<LandingKey?> RotateAsync(string oldKey, CancellationToken ct = default)
    {
        var old = await db.LandingKeys.SingleOrDefaultAsync(k => k.Key == oldKey, ct);
        if (old is not { IsUsable: true })
            return null;
        Revoke(old);
        var rotated = await AddAsync(old.Name, old.LandingPageCode, old.AllowedOrigins, old.RequireEmailInsteadOfPhone, old.TrustedDocumentsOnly, ct);
        keys.Evict(oldKey);
        await invalidations.PublishAsync(Invalidations.LandingKey, oldKey);
        return rotated;
    }

    /// <summary>
    /// Revokes a key; false when there is no such key. Other nodes stop accepting it at once with Redis
    /// (<see cref="Invalidations"/>), else when their cache expires (30 s).
    /// </summary>
    public async Task<bool> RevokeAsync(string key, CancellationToken ct = default)
    {
        var found = await db.LandingKeys.SingleOrDefaultAsync(k => k.Key == key, ct);
        if (found is null)
            return false;
        Revoke(found);
        await db.SaveChangesAsync(ct);
        keys.Evict(key);
        await invalidations.PublishAsync(Invalidations.LandingKey, key);
        return true;
    }

    private void Revoke(LandingKey key)
    {
        key.IsActive = false;
        key.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
    }

    private static string NewKey() => "lk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
}
