using GraphQL.Types;
using Platform.Domain.Orders;
using Platform.GraphQL.Server.Mutations;

namespace Platform.Api.Orders;

/// <summary>What an order mutation returns: the order as it is now, or why nothing changed.</summary>
public sealed record OrderPayload(Order? Order, IReadOnlyList<IPayloadError> Errors)
{
    public static OrderPayload Ok(Order order) => new(order, []);

    public static OrderPayload Failed(IPayloadError error) => new(null, [error]);
}

/// <summary>The <c>OrderPayload</c> type.</summary>
public sealed class OrderPayloadType : ObjectGraphType<OrderPayload>
{
    public OrderPayloadType()
    {
        Name = "OrderPayload";
        Description = "The result of an order mutation: the order after the change, or the errors that prevented it (then nothing was changed).";
        Field<OrderType>("order").Description("The order after the change; null when there are errors.").Resolve(c => c.Source.Order);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderErrorType>>>>("errors")
            .Description("Why the change was refused; empty on success.")
            .Resolve(c => c.Source.Errors);
    }
}
