using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain;
using Platform.Domain.Orders;
using Platform.GraphQL.Server.Mutations;

namespace Platform.Api.Orders;

/// <summary>Installments were asked for an order under the minimum (D5).</summary>
public sealed record InstallmentNotAllowedError(Money Amount, Money Minimum, string Message) : IPayloadError
{
    public string Code => "INSTALLMENT_NOT_ALLOWED";
}

/// <summary>The order's payment state does not allow the change (e.g. paying a refunded order).</summary>
public sealed record InvalidOrderStateError(OrderStatus Status, string Message) : IPayloadError
{
    public string Code => "INVALID_STATE";
}

/// <summary>A single-payment order must be paid by one payment of its full net amount (D2).</summary>
public sealed record SinglePaymentRequiredError(Money Expected, string Message) : IPayloadError
{
    public string Code => "SINGLE_PAYMENT_REQUIRED";
}

/// <summary>The <c>InstallmentNotAllowedError</c> type.</summary>
public sealed class InstallmentNotAllowedErrorType : ErrorGraphType<InstallmentNotAllowedError>
{
    public InstallmentNotAllowedErrorType() : base("Installments are only possible for orders of at least the configured minimum, 750 € by default. Code INSTALLMENT_NOT_ALLOWED.")
    {
        Field<NonNullGraphType<MoneyType>>("amount").Description("The order's gross amount.").Resolve(c => c.Source.Amount);
        Field<NonNullGraphType<MoneyType>>("minimum").Description("The smallest gross amount that may be paid in installments.").Resolve(c => c.Source.Minimum);
    }
}

/// <summary>The <c>InvalidOrderStateError</c> type.</summary>
public sealed class InvalidOrderStateErrorType : ErrorGraphType<InvalidOrderStateError>
{
    public InvalidOrderStateErrorType() : base("The order's payment state does not allow the change, e.g. paying a refunded order. Code INVALID_STATE.")
    {
        Field(x => x.Status).Description("The order's payment state now.");
    }
}

/// <summary>The <c>SinglePaymentRequiredError</c> type.</summary>
public sealed class SinglePaymentRequiredErrorType : ErrorGraphType<SinglePaymentRequiredError>
{
    public SinglePaymentRequiredErrorType() : base("A single-payment order is paid by one payment of its full net amount: its single-receipt discount holds only for one payment. To pay in parts, request installments first (the order is re-priced without the single-receipt discount). Code SINGLE_PAYMENT_REQUIRED.")
    {
        Field<NonNullGraphType<MoneyType>>("expected").Description("The one payment the order needs: its net amount.").Resolve(c => c.Source.Expected);
    }
}

/// <summary>The <c>OrderError</c> union.</summary>
public sealed class OrderErrorType : UnionGraphType
{
    public OrderErrorType()
    {
        Name = "OrderError";
        Description = "An expected failure of an order mutation; nothing was changed.";
        Type<NotFoundErrorType>();
        Type<ConflictErrorType>();
        Type<ValidationErrorType>();
        Type<InstallmentNotAllowedErrorType>();
        Type<InvalidOrderStateErrorType>();
        Type<SinglePaymentRequiredErrorType>();
    }
}
