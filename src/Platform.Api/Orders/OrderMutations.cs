using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain.Clients;
using Platform.Domain.Deals;
using Platform.Domain.Orders;
using Platform.GraphQL.Server.Mutations;

namespace Platform.Api.Orders;

/// <summary>The order fields of the root mutation.</summary>
public static class OrderMutations
{
    public static void AddOrderMutations(this ObjectGraphType mutation)
    {
        mutation.InputMutation<OrderPayloadType, PlaceOrderInputType>("placeOrder",
                "Places an order for a client. The server computes the loyalty discount from the client's paid orders and stores gross, discount, net and the breakdown. Installments need at least 750 € and get no single-receipt discount.",
                "The client, the gross amount and how it will be paid.")
            .Resolve((OrderService orders, PlaceOrderInput input, CancellationToken ct) =>
            {
                var clientId = GlobalIds.Decode<Client>(input.ClientId, "input.clientId");
                var dealId = GlobalIds.DecodeOptional<Deal>(input.DealId, "input.dealId");
                return orders.PlaceAsync(input, clientId, dealId, ct);
            });
        mutation.InputMutation<OrderPayloadType, RecordPaymentInputType>("recordPayment",
                "Records money received for an order. A single-payment order takes exactly one payment of its net amount; an installment order takes parts up to its balance. The order is PAID when fully paid, which wins its deal.",
                "The order and the payment.")
            .Resolve((OrderService orders, RecordPaymentInput input, CancellationToken ct) => orders.RecordPaymentAsync(input, OrderId(input.OrderId), ct));
        mutation.InputMutation<OrderPayloadType, OrderRefInputType>("requestInstallment",
                "Switches a placed, unpaid order to installments: refused under 750 €; the order is re-priced without the single-receipt discount.",
                "The order.")
            .Resolve((OrderService orders, OrderRefInput input, CancellationToken ct) => orders.RequestInstallmentAsync(input, OrderId(input.OrderId), ct));
        mutation.InputMutation<OrderPayloadType, RefundOrderInputType>("refundOrder",
                "Returns everything paid for an order to the client; the order becomes REFUNDED and no longer counts for tenure or the every-Nth rule.",
                "The order and the refund's reference.")
            .Resolve((OrderService orders, RefundOrderInput input, CancellationToken ct) => orders.RefundAsync(input, OrderId(input.OrderId), ct));
    }

    private static long OrderId(string orderId) => GlobalIds.Decode<Order>(orderId, "input.orderId");
}
