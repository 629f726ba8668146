using Platform.Domain;
using Platform.Domain.Loyalty;

namespace Platform.Api.Loyalty;

/// <summary>A discount quote for a client, with what the client's next qualifying order gets (D4) and whether installments are possible (D5).</summary>
public sealed record ClientDiscountQuote(DiscountQuote Quote, NthOrderOutlook NextOrder, bool InstallmentAllowed, Money InstallmentMinimum);
