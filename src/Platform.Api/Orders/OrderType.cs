using GraphQL.Types;
using Platform.Api.Clients;
using Platform.Api.Common;
using Platform.Api.Deals;
using Platform.Domain.Clients;
using Platform.Domain.Deals;
using Platform.Domain.Orders;
using Platform.GraphQL.Server.Projection;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Orders;

/// <summary>The <c>Order</c> object type.</summary>
public sealed class OrderType : EntityType<Order>
{
    private static readonly ChildConnection<Order, Payment> PaymentsOldestFirst =
        new(payment => payment.OrderId, KeysetOrder<Payment>.By("PAID_AT", x => x.PaidAt).ThenBy(x => x.Id));

    public OrderType() : base("An order (receipt) of a client with its loyalty discount priced by the server and explained in `discountBreakdown`.")
    {
        Field(x => x.Number);
        Field<NonNullGraphType<MoneyType>>("grossAmount").Description("Amount before discounts.").Reads(x => new { x.GrossAmountMinor, x.Currency }).Resolve(c => c.Source.GrossAmount);
        Field<NonNullGraphType<MoneyType>>("discountAmount").Description("Total loyalty discount.").Reads(x => new { x.DiscountAmountMinor, x.Currency }).Resolve(c => c.Source.DiscountAmount);
        Field<NonNullGraphType<MoneyType>>("netAmount").Description("Amount to pay after discounts.").Reads(x => new { x.NetAmountMinor, x.Currency }).Resolve(c => c.Source.NetAmount);
        Field(x => x.PaymentMode);
        Field(x => x.Status);
        Field(x => x.PlacedAt);
        Field(x => x.PaidAt, nullable: true);
        Field(x => x.CancelledAt, nullable: true);
        Field(x => x.RefundedAt, nullable: true);
        Field(x => x.DiscountBreakdown, nullable: true);
        Field<NonNullGraphType<ClientType>>("client").Description("The client that placed the order.").Reads(x => x.ClientId).Resolve(c => c.LoadById<Client>(c.Source.ClientId));
        Field<DealType>("deal").Description("The deal the order closes, if any; it is won when the order is fully paid.").Reads(x => x.DealId).Resolve(c => c.LoadById<Deal>(c.Source.DealId));
        Field<NonNullGraphType<ConnectionGraphType<PaymentType, Payment>>>("payments")
            .Description("Payments and refunds of the order, oldest first.")
            .PagingArguments()
            .Reads(x => x.Id)
            .Resolve(PaymentsOldestFirst.Load);
    }
}
