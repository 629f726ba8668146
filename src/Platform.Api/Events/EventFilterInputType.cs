using GraphQL.Types;

namespace Platform.Api.Events;

/// <summary>The <c>EventFilter</c> input type.</summary>
public sealed class EventFilterInputType : InputObjectGraphType<EventFilter>
{
    public EventFilterInputType()
    {
        Name = "EventFilter";
        Description = "Narrows a subscription to some event types.";
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("types").Description("Event types to deliver, e.g. `[\"lead.created\", \"lead.assigned\"]`; omitted or empty: all of the field's types.");
    }
}
