using Platform.Domain;
using Platform.Domain.Loyalty;
using Platform.Domain.Orders;
using Platform.Api.Common;

namespace Platform.Api.Loyalty;

/// <summary>Prices a client's new order with the loyalty rules, from the client's paid orders.</summary>
public sealed class OrderPricing(PurchaseFacts facts, DiscountEngine engine)
{
    /// <summary>Why <paramref name="amount"/> cannot be priced, or null.</summary>
    public ValidationError? Problem(Money amount, string field) =>
        amount.AmountMinor <= 0 ? new ValidationError(field, $"The amount must be positive; it was {amount.AmountMinor}.")
        : amount.Currency != facts.Currency ? new ValidationError(field, $"Orders are priced in {facts.Currency}; \"{amount.Currency}\" is not supported.")
        : null;

    public async Task<ClientDiscountQuote> QuoteAsync(long clientId, Money amount, PaymentMode mode, CancellationToken ct)
    {
        var history = await facts.HistoryAsync(clientId, ct);
        return new ClientDiscountQuote(engine.Quote(amount, mode, history, facts.Now), engine.Outlook(history.QualifyingPaidOrders), engine.AllowsInstallments(amount), engine.InstallmentMinimum);
    }
}
