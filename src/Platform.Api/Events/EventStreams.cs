using Platform.Domain.Events;

namespace Platform.Api.Events;

/// <summary>
/// The streams events are delivered by: each names its subscription field (whose policy in <c>FieldAccess</c> decides
/// who may receive it at all), its event types, and which of them a caller receives — a partner only the events of its
/// own leads, referrals, rewards and payouts, a manager only those of the leads they own. Subscriptions and webhooks
/// both go through these.
/// </summary>
public static class EventStreams
{
    private static readonly string[] ReferralAggregates = ["Referral", "Reward", "Payout"];

    public static readonly IReadOnlyList<EventStream> All =
    [
        new("leadEvents", "Lead events: `lead.created`, `lead.touched`, `lead.assigned`, `lead.distributed`, `lead.status_changed`, `lead.converted`. A partner receives those of the leads it referred or was given, a manager those of the leads they own.",
            [EventTypes.LeadCreated, EventTypes.LeadTouched, EventTypes.LeadAssigned, EventTypes.LeadDistributed, EventTypes.LeadStatusChanged, EventTypes.LeadConverted],
            caller => e => e.AggregateType == "Lead"
                && (caller.PartnerId is not { } partner || e.PartnerId == partner || e.AssignedPartnerId == partner)
                && (caller.LeadOwnerId is not { } owner || e.OwnerId == owner)),
        new("dealEvents", "Deal events: `deal.stage_changed`, `deal.won`, `deal.lost`.",
            [EventTypes.DealStageChanged, EventTypes.DealWon, EventTypes.DealLost], _ => e => e.AggregateType == "Deal"),
        new("orderEvents", "Order events: `order.paid`, `order.refunded`.",
            [EventTypes.OrderPaid, EventTypes.OrderRefunded], _ => e => e.AggregateType == "Order"),
        new("referralEvents", "Referral, reward and payout events: `referral.created`, `referral.status_changed`, `reward.status_changed`, `payout.recorded`. A partner receives only its own.",
            [EventTypes.ReferralCreated, EventTypes.ReferralStatusChanged, EventTypes.RewardStatusChanged, EventTypes.PayoutRecorded],
            caller => e => ReferralAggregates.Contains(e.AggregateType) && (caller.PartnerId is not { } partner || e.PartnerId == partner)),
    ];

    /// <summary>The stream that carries events of <paramref name="type"/>; null for a type no stream has.</summary>
    public static EventStream? Of(string type) => All.FirstOrDefault(s => s.Types.Contains(type));
}

/// <summary>One stream of events, as a subscription field delivers it.</summary>
/// <param name="Field">The subscription field, e.g. <c>leadEvents</c>.</param>
/// <param name="Description">The field's description.</param>
/// <param name="Types">The event types it carries.</param>
/// <param name="Visible">Which of its events a caller receives.</param>
public sealed record EventStream(string Field, string Description, IReadOnlyList<string> Types, Func<EventCaller, Func<OutboxEvent, bool>> Visible);

/// <summary>What limits a caller's events: its partner, or the manager whose leads are all it sees.</summary>
public sealed record EventCaller(long? PartnerId, long? LeadOwnerId);
