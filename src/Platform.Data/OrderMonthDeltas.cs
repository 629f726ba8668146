using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Platform.Domain.Clients;
using Platform.Domain.Kpis;
using Platform.Domain.Orders;

namespace Platform.Data;

/// <summary>
/// The <see cref="OrderMonthRollup"/> rows the tracked order changes of a save make: a paid order's old figures
/// subtracted (refunded, deleted, or changed), its new ones added (paid), summed per month, currency and client.
/// </summary>
internal static class OrderMonthDeltas
{
    private sealed record Delta(int Orders, long Net, Client? NewClient);

    public static List<OrderMonthRollup> Of(ChangeTracker tracker)
    {
        var deltas = new Dictionary<(int Month, string Currency, long ClientId), Delta>();
        foreach (var entry in tracker.Entries<Order>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                var original = (Order)entry.OriginalValues.ToObject();
                Add(deltas, original, original.ClientId, null, -1);
            }
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                // A client saved with its orders has no id yet: the entry holds a temporary one, and the row refers to the
                // client itself, so the save inserts the client first and gives the row its id.
                var clientId = entry.Property(o => o.ClientId);
                Add(deltas, entry.Entity, clientId.CurrentValue, clientId.IsTemporary ? entry.Entity.Client : null, 1);
            }
        }

        return deltas.Where(d => d.Value.Orders != 0 || d.Value.Net != 0).Select(d => new OrderMonthRollup
        {
            Month = d.Key.Month,
            Currency = d.Key.Currency,
            ClientId = d.Value.NewClient is null ? d.Key.ClientId : 0,
            Client = d.Value.NewClient,
            Orders = d.Value.Orders,
            NetMinor = d.Value.Net,
        }).ToList();
    }

    private static void Add(Dictionary<(int, string, long), Delta> deltas, Order order, long clientId, Client? newClient, int sign)
    {
        if (order is not { Status: OrderStatus.Paid, PaidAt: { } paidAt })
            return;
        var key = (OrderMonthRollup.MonthOf(paidAt), order.Currency, clientId);
        var delta = deltas.GetValueOrDefault(key) ?? new Delta(0, 0, newClient);
        deltas[key] = delta with { Orders = delta.Orders + sign, Net = delta.Net + sign * order.NetAmountMinor };
    }
}
