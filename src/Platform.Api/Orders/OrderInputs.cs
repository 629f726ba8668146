using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain.Orders;

namespace Platform.Api.Orders;

/// <summary>Input of <c>placeOrder</c>.</summary>
public sealed class PlaceOrderInput
{
    public string ClientId { get; set; } = "";
    public string? DealId { get; set; }
    public MoneyInput Amount { get; set; } = new();
    public PaymentMode PaymentMode { get; set; }
}

/// <summary>Input of <c>recordPayment</c>.</summary>
public sealed class RecordPaymentInput
{
    public string OrderId { get; set; } = "";
    public MoneyInput Amount { get; set; } = new();
    public string? Reference { get; set; }
    public int? ExpectedVersion { get; set; }
}

/// <summary>Input of <c>requestInstallment</c>.</summary>
public class OrderRefInput
{
    public string OrderId { get; set; } = "";
    public int? ExpectedVersion { get; set; }
}

/// <summary>Input of <c>refundOrder</c>.</summary>
public sealed class RefundOrderInput : OrderRefInput
{
    public string? Reference { get; set; }
}

/// <summary>The <c>PlaceOrderInput</c> type.</summary>
public sealed class PlaceOrderInputType : InputObjectGraphType<PlaceOrderInput>
{
    public PlaceOrderInputType()
    {
        Name = "PlaceOrderInput";
        Description = "The order to place; its discount is computed by the server.";
        Field<NonNullGraphType<IdGraphType>>("clientId").Description("The client's global ID.");
        Field<IdGraphType>("dealId").Description("The deal the order closes, a deal of the same client; it is won when the order is paid.");
        Field<NonNullGraphType<MoneyInputType>>("amount").Description("Gross amount before discounts.");
        Field(x => x.PaymentMode).Description("Single payment (eligible for the single-receipt discount) or installments (at least 750 €).");
    }
}

/// <summary>The <c>RecordPaymentInput</c> type.</summary>
public sealed class RecordPaymentInputType : InputObjectGraphType<RecordPaymentInput>
{
    public RecordPaymentInputType()
    {
        Name = "RecordPaymentInput";
        Description = "Money received for an order.";
        Field<NonNullGraphType<IdGraphType>>("orderId").Description("The order's global ID.");
        Field<NonNullGraphType<MoneyInputType>>("amount").Description("The amount received, in the order's currency.");
        Field(x => x.Reference, nullable: true).Description("Bank or payment-provider reference.");
        Field(x => x.ExpectedVersion, nullable: true).Description("The order's `version` the change is based on; when it changed meanwhile, a CONFLICT error is returned and nothing is saved.");
    }
}

/// <summary>The <c>OrderRefInput</c> type.</summary>
public sealed class OrderRefInputType : InputObjectGraphType<OrderRefInput>
{
    public OrderRefInputType()
    {
        Name = "OrderRefInput";
        Description = "An order to change.";
        Field<NonNullGraphType<IdGraphType>>("orderId").Description("The order's global ID.");
        Field(x => x.ExpectedVersion, nullable: true).Description("The order's `version` the change is based on; when it changed meanwhile, a CONFLICT error is returned and nothing is saved.");
    }
}

/// <summary>The <c>RefundOrderInput</c> type.</summary>
public sealed class RefundOrderInputType : InputObjectGraphType<RefundOrderInput>
{
    public RefundOrderInputType()
    {
        Name = "RefundOrderInput";
        Description = "An order to refund in full.";
        Field<NonNullGraphType<IdGraphType>>("orderId").Description("The order's global ID.");
        Field(x => x.Reference, nullable: true).Description("Bank or payment-provider reference of the refund.");
        Field(x => x.ExpectedVersion, nullable: true).Description("The order's `version` the change is based on; when it changed meanwhile, a CONFLICT error is returned and nothing is saved.");
    }
}
