using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Platform.Api.Leads.Spool;
using Platform.Domain.Leads;

namespace Platform.Api.Leads;

/// <summary>
/// Every landing key this node has read from the database, in its last read state and without expiry, so that the key
/// check still answers while the database is unreachable. Only keys that exist are kept, so its size is bounded by the
/// keys table, whatever values callers send. Each change is saved in the node's <see cref="SubmissionSpool"/> file, so
/// a node restarted during an outage still knows them.
/// </summary>
public sealed class KnownLandingKeys
{
    private readonly ConcurrentDictionary<string, LandingKey> _keys = new(StringComparer.Ordinal);
    private readonly SubmissionSpool _saved;

    public KnownLandingKeys(SubmissionSpool saved)
    {
        _saved = saved;
        foreach (var state in saved.LandingKeys())
        {
            if (JsonSerializer.Deserialize<LandingKey>(state) is { } key)
                _keys[key.Key] = key;
        }
    }

    /// <summary>Records the state of a key just read from the database (saved when it changed).</summary>
    public void Remember(LandingKey key)
    {
        if (_keys.TryGetValue(key.Key, out var known) && known.Version == key.Version && known.UpdatedAt == key.UpdatedAt)
            return;
        _keys[key.Key] = key;
        _saved.SaveLandingKey(key.Key, JsonSerializer.Serialize(key));
    }

    /// <summary>Drops a key whose state changed on this node, until it is read again.</summary>
    public void Forget(string key)
    {
        if (_keys.TryRemove(key, out _))
            _saved.SaveLandingKey(key, null);
    }

    /// <summary>The last read state of <paramref name="key"/>, if this node has read it.</summary>
    public bool TryGet(string key, [NotNullWhen(true)] out LandingKey? found) => _keys.TryGetValue(key, out found);

    /// <summary>The origins the usable known keys allow.</summary>
    public HashSet<string> UsableOrigins(Func<string?, IEnumerable<string>> split) =>
        _keys.Values.Where(k => k.IsUsable).SelectMany(k => split(k.AllowedOrigins)).ToHashSet(StringComparer.OrdinalIgnoreCase);
}
