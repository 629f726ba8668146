using Platform.Domain.Leads;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Leads;

/// <summary>How to order leads; ties are broken by id, so paging is stable.</summary>
public enum LeadOrder
{
    /// <summary>Newest first (the default).</summary>
    CreatedAtDesc,
    /// <summary>Oldest first.</summary>
    CreatedAtAsc,
    /// <summary>Most recently changed first.</summary>
    UpdatedAtDesc,
}

internal static class LeadOrders
{
    public static KeysetOrder<Lead> Keyset(this LeadOrder order) => order switch
    {
        LeadOrder.CreatedAtAsc => CreatedAtAsc,
        LeadOrder.UpdatedAtDesc => UpdatedAtDesc,
        _ => CreatedAtDesc,
    };

    private static readonly KeysetOrder<Lead> CreatedAtDesc = KeysetOrder<Lead>.By("CREATED_AT_DESC", x => x.CreatedAt, descending: true).ThenBy(x => x.Id, descending: true);
    private static readonly KeysetOrder<Lead> CreatedAtAsc = KeysetOrder<Lead>.By("CREATED_AT_ASC", x => x.CreatedAt).ThenBy(x => x.Id);
    private static readonly KeysetOrder<Lead> UpdatedAtDesc = KeysetOrder<Lead>.By("UPDATED_AT_DESC", x => x.UpdatedAt, descending: true).ThenBy(x => x.Id, descending: true);
}
