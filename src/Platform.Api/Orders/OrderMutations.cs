using GraphQL;
using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain.Clients;
using Platform.Domain.Deals;
using Platform.Domain.Orders;

namespace Platform.Api.Orders;

/// <summary>The order fields of the root mutation.</summary>
public static class OrderMutations
{
    public static void AddOrderMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<OrderPayloadType>>("placeOrder")
            .Description("Places an order for a client. The server computes the loyalty discount from the client's paid orders and stores gross, discount, net and the breakdown. Installments need at least 750 € and get no single-receipt discount.")
            .Argument<NonNullGraphType<PlaceOrderInputType>>("input", "The client, the gross amount and how it will be paid.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<PlaceOrderInput>("input");
                var clientId = GlobalIds.Decode<Client>(input.ClientId, "input.clientId");
                var dealId = GlobalIds.DecodeOptional<Deal>(input.DealId, "input.dealId");
                return await Service(context).PlaceAsync(input, clientId, dealId, context.CancellationToken);
            });
        mutation.Field<NonNullGraphType<OrderPayloadType>>("recordPayment")
            .Description("Records money received for an order. A single-payment order takes exactly one payment of its net amount; an installment order takes parts up to its balance. The order is PAID when fully paid, which wins its deal.")
            .Argument<NonNullGraphType<RecordPaymentInputType>>("input", "The order and the payment.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<RecordPaymentInput>("input");
                return await Service(context).RecordPaymentAsync(input, GlobalIds.Decode<Order>(input.OrderId, "input.orderId"), context.CancellationToken);
            });
        mutation.Field<NonNullGraphType<OrderPayloadType>>("requestInstallment")
            .Description("Switches a placed, unpaid order to installments: refused under 750 €; the order is re-priced without the single-receipt discount.")
            .Argument<NonNullGraphType<OrderRefInputType>>("input", "The order.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<OrderRefInput>("input");
                return await Service(context).RequestInstallmentAsync(input, GlobalIds.Decode<Order>(input.OrderId, "input.orderId"), context.CancellationToken);
            });
        mutation.Field<NonNullGraphType<OrderPayloadType>>("refundOrder")
            .Description("Returns everything paid for an order to the client; the order becomes REFUNDED and no longer counts for tenure or the every-Nth rule.")
            .Argument<NonNullGraphType<RefundOrderInputType>>("input", "The order and the refund's reference.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<RefundOrderInput>("input");
                return await Service(context).RefundAsync(input, GlobalIds.Decode<Order>(input.OrderId, "input.orderId"), context.CancellationToken);
            });
    }

    private static OrderService Service(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<OrderService>();
}
