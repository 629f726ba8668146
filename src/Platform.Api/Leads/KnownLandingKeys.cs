using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Platform.Domain.Leads;

namespace Platform.Api.Leads;

/// <summary>
/// Every landing key this node has read from the database, in its last read state and without expiry, so that the key
/// check still answers while the database is unreachable. Only keys that exist are kept, so its size is bounded by the
/// keys table, whatever values callers send.
/// </summary>
public sealed class KnownLandingKeys
{
    private readonly ConcurrentDictionary<string, LandingKey> _keys = new(StringComparer.Ordinal);

    /// <summary>Records the state of a key just read from the database.</summary>
    public void Remember(LandingKey key) => _keys[key.Key] = key;

    /// <summary>Drops a key whose state changed on this node, until it is read again.</summary>
    public void Forget(string key) => _keys.TryRemove(key, out _);

    /// <summary>The last read state of <paramref name="key"/>, if this node has read it.</summary>
    public bool TryGet(string key, [NotNullWhen(true)] out LandingKey? found) => _keys.TryGetValue(key, out found);

    /// <summary>The origins the usable known keys allow.</summary>
    public HashSet<string> UsableOrigins(Func<string?, IEnumerable<string>> split) =>
        _keys.Values.Where(k => k.IsUsable).SelectMany(k => split(k.AllowedOrigins)).ToHashSet(StringComparer.OrdinalIgnoreCase);
}
