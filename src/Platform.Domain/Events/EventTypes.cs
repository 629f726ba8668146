namespace Platform.Domain.Events;

/// <summary>The types of the events the outbox carries, as integrations see them.</summary>
public static class EventTypes
{
    /// <summary>A lead was stored.</summary>
    public const string LeadCreated = "lead.created";

    /// <summary>A repeat submission of the person touched their open lead (L11).</summary>
    public const string LeadTouched = "lead.touched";

    /// <summary>A staff user was made responsible for a lead (L10).</summary>
    public const string LeadAssigned = "lead.assigned";

    /// <summary>A lead was given to a partner (R12), who receives its events from then on.</summary>
    public const string LeadDistributed = "lead.distributed";

    /// <summary>A lead moved in its lifecycle; the payload has <c>from</c> and <c>to</c>.</summary>
    public const string LeadStatusChanged = "lead.status_changed";

    /// <summary>A lead became a client (C3).</summary>
    public const string LeadConverted = "lead.converted";

    /// <summary>A deal entered a stage; the payload has the stage codes <c>from</c> and <c>to</c>.</summary>
    public const string DealStageChanged = "deal.stage_changed";

    /// <summary>A deal was won: its order was paid.</summary>
    public const string DealWon = "deal.won";

    /// <summary>A deal was lost (C8); the payload has <c>refusedBy</c>.</summary>
    public const string DealLost = "deal.lost";

    /// <summary>An order was paid in full; the payload has the paid <c>amount</c> and <c>currency</c>.</summary>
    public const string OrderPaid = "order.paid";

    /// <summary>An order was refunded; the payload has the refunded <c>amount</c> and <c>currency</c>.</summary>
    public const string OrderRefunded = "order.refunded";

    /// <summary>A lead was attributed to a referrer.</summary>
    public const string ReferralCreated = "referral.created";

    /// <summary>A referral converted, was rejected or rewarded (R3); the payload has <c>from</c> and <c>to</c>.</summary>
    public const string ReferralStatusChanged = "referral.status_changed";

    /// <summary>A reward moved in its lifecycle (R3); the payload has <c>from</c> and <c>to</c>.</summary>
    public const string RewardStatusChanged = "reward.status_changed";

    /// <summary>A payout to a partner was recorded; the payload has the paid <c>amount</c> and <c>currency</c>.</summary>
    public const string PayoutRecorded = "payout.recorded";
}
