using Platform.Domain.Orders;
using static Platform.Domain.Orders.OrderStatus;

namespace Platform.Domain.Tests.Orders;

public class OrderPaymentsTests
{
    private static readonly DateTime At = new(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc);

    private static Order NewOrder(long net = 900_00) => new() { NetAmountMinor = net, Currency = "EUR" };

    public static TheoryData<OrderStatus> Statuses() => new(Enum.GetValues<OrderStatus>());

    [Fact]
    public void RecordPayment_OfTheWholeBalance_PaysTheOrder()
    {
        var order = NewOrder();

        var payment = order.RecordPayment(900_00, At, "BANK-1");

        Assert.Equal((Paid, At), (order.Status, order.PaidAt!.Value));
        Assert.Equal((900_00L, "EUR", PaymentKind.Payment, "BANK-1"), (payment.AmountMinor, payment.Currency, payment.Kind, payment.Reference));
    }

    [Fact]
    public void RecordPayment_InParts_IsPartiallyPaidUntilTheLastPart()
    {
        var order = NewOrder();

        order.RecordPayment(300_00, At, null);
        Assert.Equal(PartiallyPaid, order.Status);
        Assert.Null(order.PaidAt);

        order.RecordPayment(600_00, At.AddDays(30), null);
        Assert.Equal((Paid, At.AddDays(30)), (order.Status, order.PaidAt!.Value));
        Assert.Equal(900_00, order.PaidMinor);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(900_01)]
    public void RecordPayment_OutsideTheOpenBalance_IsRefused(long amount)
    {
        var order = NewOrder();

        Assert.Throws<ArgumentOutOfRangeException>(() => order.RecordPayment(amount, At, null));
        Assert.Equal(Placed, order.Status);
        Assert.Empty(order.Payments);
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public void RecordPayment_OnlyPlacedAndPartiallyPaidOrdersTakeOne(OrderStatus status)
    {
        var order = new Order { NetAmountMinor = 900_00, Status = status };

        Assert.Equal(status is Placed or PartiallyPaid, order.TakesPayment);
        if (!order.TakesPayment)
            Assert.Throws<InvalidOperationException>(() => order.RecordPayment(100_00, At, null));
    }

    [Fact]
    public void Refund_ReturnsEverythingPaid()
    {
        var order = NewOrder();
        order.RecordPayment(300_00, At, null);

        var refund = order.Refund(At.AddDays(1), "REFUND-1");

        Assert.Equal((Refunded, At.AddDays(1)), (order.Status, order.RefundedAt!.Value));
        Assert.Equal((300_00L, PaymentKind.Refund), (refund.AmountMinor, refund.Kind));
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Refund_OnlyPaidAndPartiallyPaidOrders(OrderStatus status)
    {
        var order = new Order { NetAmountMinor = 900_00, Status = status };

        Assert.Equal(status is Paid or PartiallyPaid, order.IsRefundable);
        if (!order.IsRefundable)
        {
            Assert.Throws<InvalidOperationException>(() => order.Refund(At, null));
            Assert.Equal(status, order.Status);
        }
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Cancel_OnlyAnUnpaidPlacedOrder(OrderStatus status)
    {
        var order = new Order { Status = status };

        if (status != Placed)
        {
            Assert.Throws<InvalidOperationException>(() => order.Cancel(At));
            Assert.Null(order.CancelledAt);
            return;
        }

        order.Cancel(At);
        Assert.Equal((Cancelled, At), (order.Status, order.CancelledAt!.Value));
    }
}
