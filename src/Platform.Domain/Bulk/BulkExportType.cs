namespace Platform.Domain.Bulk;

/// <summary>What a bulk export holds: one row per object of this type.</summary>
public enum BulkExportType
{
    /// <summary>Leads, as the <c>Lead</c> type.</summary>
    Leads,

    /// <summary>Clients, as the <c>Client</c> type.</summary>
    Clients,

    /// <summary>Orders, as the <c>Order</c> type.</summary>
    Orders,

    /// <summary>Deals, as the <c>Deal</c> type.</summary>
    Deals,

    /// <summary>Referrals, as the <c>Referral</c> type.</summary>
    Referrals,

    /// <summary>Partner rewards, as the <c>Reward</c> type.</summary>
    Rewards,

    /// <summary>Activities (calls, e-mails, meetings, tasks), as the <c>Activity</c> type.</summary>
    Activities,
}
