using GraphQL.Types;
using Platform.Domain.Loyalty;

namespace Platform.Api.Loyalty;

/// <summary>The <c>NthOrderOutlook</c> type.</summary>
public sealed class NthOrderOutlookType : ObjectGraphType<NthOrderOutlook>
{
    public NthOrderOutlookType()
    {
        Name = "NthOrderOutlook";
        Description = "What the every-5th/10th-order rule gives the client's next qualifying orders (orders of at least 100 €).";
        Field(x => x.NextOrdinal).Description("The ordinal the next qualifying order will have: paid qualifying orders + 1.");
        Field<NonNullGraphType<DecimalGraphType>>("nextPercent").Description("The every-5th/10th-order discount (D4) of that order in percent; 0 when it is not a 5th/10th…").Resolve(c => c.Source.NextBasisPoints / 100m);
        Field(x => x.OrdersUntilDiscount).Description("Qualifying orders before the next one with the every-5th/10th-order discount (D4); 0 when the next order has it.");
        Field(x => x.DiscountedOrdinal).Description("The ordinal of the next qualifying order with the every-5th/10th-order discount (D4).");
        Field<NonNullGraphType<DecimalGraphType>>("discountedPercent").Description("The every-5th/10th-order discount (D4) of that order in percent.").Resolve(c => c.Source.DiscountedBasisPoints / 100m);
    }
}
