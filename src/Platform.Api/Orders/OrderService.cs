using Microsoft.EntityFrameworkCore;
using Platform.Api.Common;
using Platform.Api.Loyalty;
using Platform.Api.Referrals;
using Platform.Data;
using Platform.Domain;
using Platform.Domain.Deals;
using Platform.Domain.Loyalty;
using Platform.Domain.Orders;

namespace Platform.Api.Orders;

/// <summary>
/// Orders and their payments, each change validated and saved atomically. Discounts are always
/// computed here (never taken from the caller) and stored with their breakdown (D6).
/// </summary>
/// <remarks>
/// D2 is enforced up front: a single-payment order takes exactly one payment of its net amount,
/// so a D1 discount is never granted to an order that ends up paid in parts. Paying in parts
/// needs <c>requestInstallment</c> before any payment, which re-prices the order without D1.
/// </remarks>
public sealed class OrderService(PlatformDbContext db, OrderPricing pricing, DiscountEngine engine, TimeProvider time, ICurrentActor actor, RewardEvents rewards)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<OrderPayload> PlaceAsync(PlaceOrderInput input, long clientId, long? dealId, CancellationToken ct)
    {
        var amount = input.Amount.ToMoney();
        if (pricing.Problem(amount, "amount") is { } problem)
            return OrderPayload.Failed(problem);
        // A manager orders for their own clients, or for their own deals of another's client.
        if (!await db.ChangeableClients().AnyAsync(c => c.Id == clientId, ct)
            && !(dealId is { } ownDeal && await db.ChangeableDeals().AnyAsync(d => d.Id == ownDeal && d.ClientId == clientId, ct)))
            return OrderPayload.Failed(new NotFoundError(input.ClientId, db.NotFoundMessage("client", input.ClientId)));
        if (dealId is { } did)
        {
            var deal = await db.Deals.Where(d => d.Id == did).Select(d => new { d.ClientId, d.Stage.IsLost }).SingleOrDefaultAsync(ct);
            if (deal is null)
                return OrderPayload.Failed(new NotFoundError(input.DealId!, $"No deal has the ID \"{input.DealId}\"."));
            if (deal.ClientId != clientId)
                return OrderPayload.Failed(new ValidationError("dealId", "The deal belongs to another client; an order closes a deal of its own client."));
            if (deal.IsLost)
                return OrderPayload.Failed(new ValidationError("dealId", "The deal is lost; a lost deal takes no order."));
        }
        if (input.PaymentMode == PaymentMode.Installment && !engine.AllowsInstallments(amount))
            return OrderPayload.Failed(InstallmentRefused(amount));

        var quote = await pricing.QuoteAsync(clientId, amount, input.PaymentMode, ct);
        var order = new Order
        {
            ClientId = clientId,
            DealId = dealId,
            Currency = amount.Currency,
            PaymentMode = input.PaymentMode,
            PlacedAt = Now,
        };
        Price(order, amount, quote.Quote);
        // Orders placed at once for one client race for the next number: the unique index
        // (ClientId, Number) lets one win, and the others take the numbers after it.
        for (var attempt = 1; ; attempt++)
        {
            order.Number = 1 + (await db.Orders.Where(o => o.ClientId == clientId).MaxAsync(o => (int?)o.Number, ct) ?? 0);
            db.Orders.Add(order);
            try
            {
                await db.SaveChangesAsync(ct);
                return OrderPayload.Ok(order);
            }
            catch (DbUpdateException) when (attempt < MaxNumberingAttempts)
            {
                db.Entry(order).State = EntityState.Detached;
            }
        }
    }

    private const int MaxNumberingAttempts = 10;

    public async Task<OrderPayload> RequestInstallmentAsync(OrderRefInput input, long orderId, CancellationToken ct)
    {
        var order = await db.ChangeableOrders().Include(o => o.Payments).SingleOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null)
            return NotFound(input.OrderId);
        if (order.Status != OrderStatus.Placed || order.Payments.Count > 0)
            return OrderPayload.Failed(new InvalidOrderStateError(order.Status, "Installments can only be requested before the first payment of a placed order."));
        if (order.PaymentMode == PaymentMode.Installment)
            return OrderPayload.Failed(new ValidationError("orderId", "The order is already paid in installments."));
        if (!engine.AllowsInstallments(order.GrossAmount))
            return OrderPayload.Failed(InstallmentRefused(order.GrossAmount));

        db.Expect(order, input.ExpectedVersion);
        order.PaymentMode = PaymentMode.Installment;
        // Re-priced: an installment order is not a single payment, so it loses D1 (D2).
        var quote = await pricing.QuoteAsync(order.ClientId, order.GrossAmount, PaymentMode.Installment, ct);
        Price(order, order.GrossAmount, quote.Quote);
        return await SaveAsync(order, ct);
    }

    public async Task<OrderPayload> RecordPaymentAsync(RecordPaymentInput input, long orderId, CancellationToken ct)
    {
        if (ReferenceError(input.Reference) is { } badReference)
            return OrderPayload.Failed(badReference);
        var amount = input.Amount.ToMoney();
        var order = await db.ChangeableOrders().Include(o => o.Payments).SingleOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null)
            return NotFound(input.OrderId);
        if (!order.TakesPayment)
            return OrderPayload.Failed(new InvalidOrderStateError(order.Status, $"A {order.Status.ToString().ToUpperInvariant()} order takes no payment."));
        if (amount.AmountMinor <= 0 || amount.Currency != order.Currency)
            return OrderPayload.Failed(new ValidationError("amount", $"A payment is a positive amount in the order's currency, {order.Currency}."));
        var balance = new Money(order.NetAmountMinor - order.PaidMinor, order.Currency);
        if (order.PaymentMode == PaymentMode.Single && amount != order.NetAmount)
        {
            return OrderPayload.Failed(new SinglePaymentRequiredError(order.NetAmount,
                $"This single-payment order is paid by one payment of {order.NetAmount}; {amount} was sent. Its single-receipt discount holds only for one payment (D2); request installments first to pay in parts."));
        }
        if (amount.AmountMinor > balance.AmountMinor)
            return OrderPayload.Failed(new ValidationError("amount", $"The payment of {amount} exceeds the open balance of {balance}."));

        db.Expect(order, input.ExpectedVersion);
        var now = Now;
        order.RecordPayment(amount.AmountMinor, now, input.Reference);
        if (order.Status == OrderStatus.Paid)
        {
            await WinDealAsync(order, now, ct);
            await rewards.OnOrderPaidAsync(order, now, ct); // R3: the referrer earns at the first paid order
        }
        return await SaveAsync(order, ct);
    }

    public async Task<OrderPayload> RefundAsync(RefundOrderInput input, long orderId, CancellationToken ct)
    {
        if (ReferenceError(input.Reference) is { } badReference)
            return OrderPayload.Failed(badReference);
        var order = await db.ChangeableOrders().Include(o => o.Payments).SingleOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null)
            return NotFound(input.OrderId);
        if (!order.IsRefundable)
            return OrderPayload.Failed(new InvalidOrderStateError(order.Status, "Only a paid or partially paid order can be refunded."));

        db.Expect(order, input.ExpectedVersion);
        var now = Now;
        order.Refund(now, input.Reference);
        await rewards.OnOrderRefundedAsync(order, now, ct); // voids a reward still in its holding period
        return await SaveAsync(order, ct);
    }

    private ValidationError? ReferenceError(string? reference) => db.Check<Payment>(nameof(Payment.Reference), "reference", reference);

    private static void Price(Order order, Money gross, DiscountQuote quote)
    {
        order.GrossAmountMinor = gross.AmountMinor;
        order.DiscountAmountMinor = quote.Discount.AmountMinor;
        order.NetAmountMinor = quote.Net.AmountMinor;
        order.DiscountBreakdown = DiscountBreakdownJson.Serialize(quote);
        var byRule = quote.AmountByRule();
        order.SingleReceiptDiscountMinor = byRule[LoyaltyRule.SingleReceipt];
        order.TenureDiscountMinor = byRule[LoyaltyRule.Tenure];
        order.NthOrderDiscountMinor = byRule[LoyaltyRule.NthOrder];
    }

    /// <summary>A deal is won when its order is paid.</summary>
    private async Task WinDealAsync(Order order, DateTime now, CancellationToken ct)
    {
        if (order.DealId is not { } dealId)
            return;
        var deal = await db.Deals.Include(d => d.Stage).SingleAsync(d => d.Id == dealId, ct);
        if (deal.IsClosed)
            return;
        var won = await db.PipelineStages.Where(s => s.PipelineId == deal.PipelineId && s.IsWon).OrderBy(s => s.Position).FirstAsync(ct);
        deal.Win(won, now, actor.Name);
    }

    private InstallmentNotAllowedError InstallmentRefused(Money amount) =>
        new(amount, engine.InstallmentMinimum, $"Installments are only possible for orders of at least {engine.InstallmentMinimum}; this order is {amount} (D5).");

    private OrderPayload NotFound(string orderId) => OrderPayload.Failed(new NotFoundError(orderId, db.NotFoundMessage("order", orderId)));

    private async Task<OrderPayload> SaveAsync(Order order, CancellationToken ct) =>
        await db.SaveOrConflictAsync(order, ct) is { } conflict ? OrderPayload.Failed(conflict) : OrderPayload.Ok(order);
}
