using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain.Orders;

namespace Platform.Api.Orders;

/// <summary>The <c>Payment</c> object type.</summary>
public sealed class PaymentType : EntityType<Payment>
{
    public PaymentType() : base("Money received for an order, or returned to the client.")
    {
        Field<NonNullGraphType<MoneyType>>("amount").Description("Amount of the movement; `kind` tells its direction.").Resolve(c => c.Source.Amount);
        Field(x => x.PaidAt);
        Field(x => x.Kind);
        Field(x => x.Reference, nullable: true);
        Field<NonNullGraphType<OrderType>>("order").Description("The order the payment is for.").Resolve(c => c.LoadById<Order>(c.Source.OrderId));
    }
}
