namespace Platform.Domain;

/// <summary>
/// Base of every stored business record: a database identity, audit stamps (who and when created
/// and last changed it) and an optimistic-concurrency version. The stamps and the version are
/// maintained by the persistence layer on save; business code never sets them.
/// </summary>
public abstract class Entity
{
    /// <summary>Database identity of the record, assigned on insert and never reused.</summary>
    public long Id { get; set; }

    /// <summary>When the record was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When the record was last changed (UTC); equals the creation time until the first change.</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>Who created the record: a staff user's name, an API client id or <c>system</c>.</summary>
    public string? CreatedBy { get; set; }

    /// <summary>Who last changed the record: a staff user's name, an API client id or <c>system</c>.</summary>
    public string? UpdatedBy { get; set; }

    /// <summary>
    /// Optimistic-concurrency version: 1 when created, incremented by every saved change. A change
    /// based on an older version is rejected instead of silently overwriting someone else's edit.
    /// </summary>
    public int Version { get; set; }
}
