namespace Platform.Domain.Events;

/// <summary>
/// Something that happened to an aggregate, recorded by the entity's own method when the change is made and turned into
/// an <see cref="OutboxEvent"/> when the change is saved (in the same transaction).
/// </summary>
/// <param name="Type">The event type, one of <see cref="EventTypes"/>.</param>
/// <param name="Payload">A small JSON object about the change (never the whole record).</param>
public sealed record DomainEvent(string Type, string Payload);
