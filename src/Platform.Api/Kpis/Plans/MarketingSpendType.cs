using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain;
using Platform.Domain.Kpis;

namespace Platform.Api.Kpis.Plans;

/// <summary>The <c>MarketingSpend</c> type.</summary>
public sealed class MarketingSpendType : ObjectGraphType<MarketingSpend>
{
    public MarketingSpendType()
    {
        Name = "MarketingSpend";
        Description = "Money spent on a channel over a period: the basis of cost per lead and ROI.";
        Field(x => x.Channel).Description("The channel code.");
        Field(x => x.LandingPage, nullable: true).Description("The landing page code, if the spend drove one page.");
        Field(x => x.PeriodStart).Description("Start of the period, inclusive (UTC).");
        Field(x => x.PeriodEnd).Description("End of the period, exclusive (UTC).");
        Field<NonNullGraphType<MoneyType>>("amount").Description("The amount spent.").Resolve(c => c.Source.Amount);
        Field(x => x.Impressions, nullable: true).Description("Reach, if known.");
        Field(x => x.Clicks, nullable: true).Description("Clicks, if known.");
    }
}
