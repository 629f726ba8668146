using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;

namespace Platform.Api.Security;

/// <summary>
/// Access tokens this node has validated, with their callers, until the tokens expire: an integration sends the same
/// token with every request, and checking its signature and claims again each time was a large part of a small
/// request's work. Bounded, so a flood of distinct valid tokens cannot grow memory without limit.
/// </summary>
public sealed class ValidatedTokens(TimeProvider time) : IDisposable
{
    private const int MaxTokens = 10_000;

    private readonly MemoryCache _tokens = new(new MemoryCacheOptions { SizeLimit = MaxTokens });

    /// <summary>The caller of <paramref name="token"/> if this node validated it and it has not expired.</summary>
    public ClaimsPrincipal? Find(string token) =>
        _tokens.TryGetValue(token, out Entry? entry) && entry!.ExpiresAt > time.GetUtcNow() ? entry.Principal : null;

    /// <summary>Remembers a validated token until <paramref name="expiresAt"/>.</summary>
    public void Remember(string token, ClaimsPrincipal principal, DateTimeOffset expiresAt)
    {
        if (expiresAt > time.GetUtcNow())
            _tokens.Set(token, new Entry(principal, expiresAt), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = expiresAt });
    }

    public void Dispose() => _tokens.Dispose();

    private sealed record Entry(ClaimsPrincipal Principal, DateTimeOffset ExpiresAt);
}
