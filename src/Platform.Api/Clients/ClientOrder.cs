using Platform.Domain.Clients;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Clients;

/// <summary>How to order clients; ties are broken by id, so paging is stable.</summary>
public enum ClientOrder
{
    /// <summary>By name, A to Z (the default).</summary>
    NameAsc,
    /// <summary>Newest first.</summary>
    CreatedAtDesc,
}

internal static class ClientOrders
{
    public static KeysetOrder<Client> Keyset(this ClientOrder order) => order == ClientOrder.CreatedAtDesc ? CreatedAtDesc : NameAsc;

    private static readonly KeysetOrder<Client> NameAsc = KeysetOrder<Client>.By("NAME_ASC", x => x.Name).ThenBy(x => x.Id);
    private static readonly KeysetOrder<Client> CreatedAtDesc = KeysetOrder<Client>.By("CREATED_AT_DESC", x => x.CreatedAt, descending: true).ThenBy(x => x.Id, descending: true);
}
