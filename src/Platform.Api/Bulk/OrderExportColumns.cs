using Platform.Domain.Clients;
using Platform.Domain.Deals;
using Platform.Domain.Orders;
using static Platform.Api.Bulk.ExportColumn<Platform.Domain.Orders.Order>;

namespace Platform.Api.Bulk;

/// <summary>The fields of an exported order: those of the <c>Order</c> type but its <c>payments</c> connection.</summary>
public static class OrderExportColumns
{
    public static readonly ExportColumns<Order> Columns = new(
        Id(x => x.Id),
        Time("createdAt", x => x.CreatedAt),
        Time("updatedAt", x => x.UpdatedAt),
        Number("version", x => x.Version),
        Number("number", x => x.Number),
        Money("grossAmount", x => x.GrossAmount),
        Money("discountAmount", x => x.DiscountAmount),
        Money("netAmount", x => x.NetAmount),
        Enum<PaymentMode>("paymentMode", x => x.PaymentMode),
        Enum<OrderStatus>("status", x => x.Status),
        Time("placedAt", x => x.PlacedAt),
        Time("paidAt", x => x.PaidAt),
        Time("cancelledAt", x => x.CancelledAt),
        Time("refundedAt", x => x.RefundedAt),
        Text("discountBreakdown", x => x.DiscountBreakdown),
        Reference<Client>("client", x => x.ClientId),
        Reference<Deal>("deal", x => x.DealId));
}
