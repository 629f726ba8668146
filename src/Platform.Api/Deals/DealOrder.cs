using Platform.Domain.Deals;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Deals;

/// <summary>How to order deals; ties are broken by id, so paging is stable.</summary>
public enum DealOrder
{
    /// <summary>Newest first (the default).</summary>
    CreatedAtDesc,
    /// <summary>Largest expected amount first.</summary>
    AmountDesc,
}

internal static class DealOrders
{
    public static KeysetOrder<Deal> Keyset(this DealOrder order) => order == DealOrder.AmountDesc ? AmountDesc : CreatedAtDesc;

    private static readonly KeysetOrder<Deal> CreatedAtDesc = KeysetOrder<Deal>.By("CREATED_AT_DESC", x => x.CreatedAt, descending: true).ThenBy(x => x.Id, descending: true);
    private static readonly KeysetOrder<Deal> AmountDesc = KeysetOrder<Deal>.By("AMOUNT_DESC", x => x.AmountMinor, descending: true).ThenBy(x => x.Id, descending: true);
}
