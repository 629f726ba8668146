using System.Linq.Expressions;
using Platform.Data;
using Platform.Domain.Leads;
using Platform.Domain.Orders;

namespace Platform.Api.Kpis;

/// <summary>
/// An order with the lead its client came from: what the order KPIs (revenue, discounts) group by. Lead dimensions are
/// the client's origin lead's; MANAGER is the client's owner.
/// </summary>
internal sealed class OrderSource
{
    public Order Order { get; init; } = null!;

    /// <summary>The client's origin lead; null when it has none or no lead dimension was asked for (not joined).</summary>
    public Lead? Lead { get; init; }

    /// <summary>The orders with their origin leads, joined only for a lead dimension: otherwise the statement reads orders (and clients) alone.</summary>
    public static IQueryable<OrderSource> Of(IQueryable<Order> orders, PlatformDbContext db, KpiDimension? dimension) =>
        dimension is null or KpiDimension.Manager
            ? orders.Select(o => new OrderSource { Order = o, Lead = null })
            : from o in orders
              join l in db.Leads on o.Client.OriginLeadId equals (long?)l.Id into origin
              from l in origin.DefaultIfEmpty()
              select new OrderSource { Order = o, Lead = l };

    /// <summary>The dimension value of an order: MANAGER the client's owner, the others the origin lead's.</summary>
    public static Expression<Func<OrderSource, string?>> Dimension(KpiDimension? dimension)
    {
        if (dimension == KpiDimension.Manager)
            return s => s.Order.Client.OwnerId == null ? null : ((long)s.Order.Client.OwnerId).ToString();
        Expression<Func<OrderSource, Lead>> lead = s => s.Lead!;
        return lead.Then(KpiDimensions.OfLead(dimension));
    }
}
