using GraphQL.Types;
using Platform.Domain.Events;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Events;

/// <summary>The <c>Event</c> object type: one committed change, as the subscription fields deliver it.</summary>
public sealed class EventGraphType : ObjectGraphType<OutboxEvent>
{
    public EventGraphType()
    {
        Name = "Event";
        Description = "One committed change of a lead, deal, order, referral, reward or payout. Small by design: fetch the changed object with `node(id: aggregateId)`.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The event's ID; it increases with every event, and a receiver that stores it can tell a repeat.")
            .Resolve(c => c.Source.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field(x => x.Type).Description("What happened, e.g. `lead.assigned` or `order.paid`.");
        Field(x => x.OccurredAt).Description("When the change was saved (UTC).");
        Field<NonNullGraphType<IdGraphType>>("aggregateId").Description("The global ID of the changed object (a `Lead`, `Deal`, `Order`, `Referral`, `Reward` or `Payout`).")
            .Resolve(c => GlobalId.Encode(c.Source.AggregateType, c.Source.AggregateId));
        Field(x => x.AggregateType).Description("The type of the changed object, e.g. `Lead`.");
        Field("version", x => x.AggregateVersion).Description("The object's version after the change; one object's events arrive in version order (one change may make several events of one version).");
        Field(x => x.Payload).Description("A small JSON object about the change: `from` and `to` of a status or stage move (as the API spells them), the `amount` (minor units) and `currency` of a payment, refund or payout; `{}` when there is nothing to add.");
    }
}
