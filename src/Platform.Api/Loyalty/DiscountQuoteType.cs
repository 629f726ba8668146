using GraphQL.Types;
using Platform.Api.Common;

namespace Platform.Api.Loyalty;

/// <summary>The <c>DiscountQuote</c> type.</summary>
public sealed class DiscountQuoteType : ObjectGraphType<ClientDiscountQuote>
{
    public DiscountQuoteType()
    {
        Name = "DiscountQuote";
        Description = "The loyalty discount an order gets: the total, every rule's verdict, and the client's outlook.";
        Field<NonNullGraphType<MoneyType>>("gross").Description("Amount before discounts.").Resolve(c => c.Source.Quote.Gross);
        Field<NonNullGraphType<MoneyType>>("discount").Description("Total discount, rounded half to even once, on the final amount.").Resolve(c => c.Source.Quote.Discount);
        Field<NonNullGraphType<MoneyType>>("net").Description("Amount to pay: gross − discount.").Resolve(c => c.Source.Quote.Net);
        Field<NonNullGraphType<DecimalGraphType>>("percent").Description("Total discount rate in percent after stacking and the cap, e.g. 2.5.").Resolve(c => c.Source.Quote.BasisPoints / 100m);
        Field<NonNullGraphType<EnumerationGraphType<Domain.Loyalty.StackingPolicy>>>("policy").Description("How the rules were combined.").Resolve(c => c.Source.Quote.Policy);
        Field<NonNullGraphType<BooleanGraphType>>("capped").Description("Whether the additive sum was cut down to the configured maximum.").Resolve(c => c.Source.Quote.Capped);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RuleOutcomeType>>>>("rules").Description("Every rule's verdict, in the order D1, D3, D4.").Resolve(c => c.Source.Quote.Rules);
        Field<NonNullGraphType<NthOrderOutlookType>>("nextOrder").Description("What the every-Nth rule gives the client's next qualifying orders, counting paid orders only.").Resolve(c => c.Source.NextOrder);
        Field<NonNullGraphType<BooleanGraphType>>("installmentAllowed").Description("Whether the amount may be paid in installments.").Resolve(c => c.Source.InstallmentAllowed);
        Field<NonNullGraphType<MoneyType>>("installmentMinimum").Description("The smallest order that may be paid in installments.").Resolve(c => c.Source.InstallmentMinimum);
    }
}
