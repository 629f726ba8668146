using Platform.Data;
using Platform.Domain.Clients;
using Platform.Domain.Deals;
using Platform.Domain.Orders;

namespace Platform.Api.Common;

/// <summary>
/// What a caller may change among clients, contacts, deals and orders: everything, except for a manager (a staff user
/// whose <see cref="ICurrentActor.LeadOwnerId"/> is set), who changes only the clients and deals they own, the contacts
/// of their clients and the orders of their clients or deals. Reads are not filtered. A change to something else is
/// answered NOT_FOUND, as for the leads of others, which a manager does not see at all.
/// </summary>
internal static class ManagerOwnership
{
    public static IQueryable<Client> ChangeableClients(this PlatformDbContext db) =>
        db.Actor.LeadOwnerId is { } owner ? db.Clients.Where(c => c.OwnerId == owner) : db.Clients;

    public static IQueryable<Contact> ChangeableContacts(this PlatformDbContext db) =>
        db.Actor.LeadOwnerId is { } owner ? db.Contacts.Where(c => c.Client.OwnerId == owner) : db.Contacts;

    public static IQueryable<Deal> ChangeableDeals(this PlatformDbContext db) =>
        db.Actor.LeadOwnerId is { } owner ? db.Deals.Where(d => d.OwnerId == owner) : db.Deals;

    public static IQueryable<Order> ChangeableOrders(this PlatformDbContext db) =>
        db.Actor.LeadOwnerId is { } owner
            ? db.Orders.Where(o => o.Client.OwnerId == owner || db.Deals.Any(d => d.Id == o.DealId && d.OwnerId == owner))
            : db.Orders;

    /// <summary>A manager's new client or deal is theirs unless they name another owner (a manager linked to no staff user has -1).</summary>
    public static long? OwnerOfNew(this PlatformDbContext db, long? ownerId) => ownerId ?? (db.Actor.LeadOwnerId is { } me and > 0 ? me : null);

    /// <summary>The NOT_FOUND message for <paramref name="id"/> of <paramref name="entity"/> (e.g. "client"), saying why to a manager.</summary>
    public static string NotFoundMessage(this PlatformDbContext db, string entity, string id) => db.Actor.LeadOwnerId is null
        ? $"No {entity} has the ID \"{id}\"."
        : $"No {entity} of yours has the ID \"{id}\": a manager changes only the {entity}s they own.";
}
