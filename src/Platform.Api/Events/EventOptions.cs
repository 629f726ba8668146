namespace Platform.Api.Events;

/// <summary>The <c>Events</c> configuration section: how the subscription feed reads the outbox.</summary>
public sealed class EventOptions
{
    public const string Section = "Events";

    /// <summary>
    /// How often the outbox is read for events committed by other nodes that were not announced (no Redis, or Redis
    /// unreachable); this node's commits and, with Redis, other nodes' are read at once.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
