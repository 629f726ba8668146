namespace Platform.Api.Events;

/// <summary>Which events a subscription field delivers: all of its kind, or only the listed types.</summary>
public sealed class EventFilter
{
    /// <summary>Event types to deliver, e.g. <c>lead.created</c>; null or empty: all.</summary>
    public List<string>? Types { get; set; }

    /// <summary>Whether an event of <paramref name="type"/> passes.</summary>
    public bool Accepts(string type) => Types is not { Count: > 0 } types || types.Contains(type);
}
