using System.Text.Json;
using Platform.Domain.Events;

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

    private List<DomainEvent>? _events;

    /// <summary>The events the changes made since the last save recorded, oldest first; the save writes them to the outbox.</summary>
    public IReadOnlyList<DomainEvent> RecordedEvents() => _events ?? [];

    /// <summary>Forgets the recorded events once the save wrote them.</summary>
    public void ClearRecordedEvents() => _events = null;

    /// <summary>Records that <paramref name="type"/> happened, with <paramref name="payload"/> serialized as a JSON object.</summary>
    protected void Record(string type, object? payload = null) =>
        (_events ??= []).Add(new DomainEvent(type, payload is null ? "{}" : JsonSerializer.Serialize(payload)));

    /// <summary>An enum value as the API spells it (<c>InProgress</c> is <c>IN_PROGRESS</c>).</summary>
    protected static string? ApiName<TEnum>(TEnum? value) where TEnum : struct, Enum =>
        value is { } v ? string.Concat(v.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString())) : null;
}
