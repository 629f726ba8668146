using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Platform.Data;

namespace Platform.Api.Privacy;

/// <summary>
/// The consent texts this node has found in the database. A version is never changed nor deleted (consent evidence
/// names it), so one found stays found, and submissions naming it need no look-up of their own again. Only ids that
/// exist are kept: the set is bounded by the texts table, whatever ids callers send.
/// </summary>
public sealed class KnownConsentTexts
{
    private readonly ConcurrentDictionary<long, byte> _ids = new();

    /// <summary>Whether the consent text <paramref name="id"/> exists (null, an id that is not a consent text's: no).</summary>
    public async Task<bool> ExistsAsync(PlatformDbContext db, long? id, CancellationToken ct)
    {
        if (id is not { } value)
            return false;
        if (_ids.ContainsKey(value))
            return true;
        if (!await db.ConsentTexts.AnyAsync(t => t.Id == value, ct))
            return false;
        _ids.TryAdd(value, 0);
        return true;
    }
}
