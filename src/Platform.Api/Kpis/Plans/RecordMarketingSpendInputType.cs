using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain;

namespace Platform.Api.Kpis.Plans;

/// <summary>The <c>RecordMarketingSpendInput</c> type.</summary>
public sealed class RecordMarketingSpendInputType : InputObjectGraphType<RecordMarketingSpendInput>
{
    public RecordMarketingSpendInputType()
    {
        Name = "RecordMarketingSpendInput";
        Description = "Money spent on a channel (and optionally a landing page) over a period.";
        Field(x => x.Channel).Description("The channel code, e.g. WEBSITE: upper-case letters, digits and underscores.");
        Field(x => x.LandingPage, nullable: true).Description("The landing page code, if the spend drove one page.");
        Field(x => x.PeriodStart).Description("Start of the period, inclusive (UTC); the spend counts in the quarter this falls in.");
        Field(x => x.PeriodEnd).Description("End of the period, exclusive (UTC); later than the start.");
        Field<NonNullGraphType<MoneyInputType>>("amount").Description("The amount spent: zero or more, with its currency.");
        Field(x => x.Impressions, nullable: true).Description("Reach: how many people were shown the ad, if known; zero or more.");
        Field(x => x.Clicks, nullable: true).Description("Clicks to the site or landing page, if known; zero or more.");
    }
}
