using System.Text.Json;
using Platform.Domain;
using Platform.Domain.Events;
using Platform.Domain.Leads;
using Platform.Domain.Referrals;

namespace Platform.Data.Outbox;

/// <summary>The outbox rows of an aggregate's events, with who may receive them.</summary>
public static class OutboxRows
{
    /// <summary>
    /// The row of <paramref name="domainEvent"/> of <paramref name="aggregate"/> at <paramref name="version"/>;
    /// <paramref name="rewardPartnerId"/> is the referring partner of a reward (a reward does not hold it).
    /// </summary>
    public static OutboxEvent Of(Entity aggregate, int version, DomainEvent domainEvent, DateTime at, long? rewardPartnerId = null)
    {
        var row = new OutboxEvent
        {
            Type = domainEvent.Type,
            OccurredAt = at,
            AggregateType = aggregate.GetType().Name,
            AggregateId = aggregate.Id,
            AggregateVersion = version,
            Payload = domainEvent.Payload,
        };
        switch (aggregate)
        {
            case Lead lead:
                (row.PartnerId, row.AssignedPartnerId, row.OwnerId) = (lead.PartnerId, lead.AssignedPartnerId, lead.OwnerId);
                break;
            case Referral referral:
                row.PartnerId = referral.PartnerId;
                break;
            case Payout payout:
                row.PartnerId = payout.PartnerId;
                break;
            case Reward:
                row.PartnerId = rewardPartnerId;
                break;
        }
        return row;
    }

    /// <summary>The event a newly stored aggregate announces itself with, if its type has one.</summary>
    internal static DomainEvent? Created(Entity aggregate) => aggregate switch
    {
        Lead lead => Event(EventTypes.LeadCreated, new { channel = lead.Channel }),
        Referral => Event(EventTypes.ReferralCreated, new { }),
        Payout payout => Event(EventTypes.PayoutRecorded, new { amount = payout.AmountMinor, currency = payout.Currency }),
        _ => null,
    };

    private static DomainEvent Event(string type, object payload) => new(type, JsonSerializer.Serialize(payload));
}
