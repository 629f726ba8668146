using GraphQL.Types;

namespace Platform.Api.Kpis;

/// <summary>The <c>LeadFunnelKpiRow</c> type.</summary>
public sealed class LeadFunnelRowType : ObjectGraphType<LeadFunnelRow>
{
    public LeadFunnelRowType()
    {
        Name = "LeadFunnelKpiRow";
        Description = "Lead volume and lead → client conversion of the leads created in one bucket (and dimension value).";
        Field(x => x.BucketStart).Description("First moment of the bucket (UTC).");
        Field(x => x.Dimension, nullable: true).Description("The dimension value the row is for; null without grouping or for leads without a value.");
        Field(x => x.Leads).Description("Leads created in the bucket.");
        Field(x => x.Converted).Description("Of those, leads converted into clients (by now).");
        Field(x => x.ConversionRate, nullable: true).Description("Converted / leads × 100; null without leads.");
        Field(x => x.AverageDaysToConversion, nullable: true).Description("Average days from creation to conversion of the converted leads; null when none.");
        Field(x => x.MedianDaysToConversion, nullable: true).Description("Median days from creation to conversion of the converted leads; null when none.");
    }
}

/// <summary>The <c>FirstResponseKpiRow</c> type.</summary>
public sealed class FirstResponseRowType : ObjectGraphType<FirstResponseRow>
{
    public FirstResponseRowType()
    {
        Name = "FirstResponseKpiRow";
        Description = "Speed of first contact and the demo-download SLA of the leads created in one bucket (and dimension value).";
        Field(x => x.BucketStart).Description("First moment of the bucket (UTC).");
        Field(x => x.Dimension, nullable: true).Description("The dimension value the row is for; null without grouping or for leads without a value.");
        Field(x => x.Leads).Description("Leads created in the bucket.");
        Field(x => x.Responded).Description("Of those, leads contacted (by now).");
        Field(x => x.MedianMinutes, nullable: true).Description("Median minutes from creation to first contact of the contacted leads; null when none.");
        Field(x => x.P90Minutes, nullable: true).Description("90th percentile (nearest rank) of minutes to first contact; null when none.");
        Field(x => x.DemoDownloads).Description("Leads created by a demo download.");
        Field(x => x.DemoDownloadsWithinSla).Description("Of those, leads contacted within 2 hours.");
        Field(x => x.SlaCompliance, nullable: true).Description("Demo downloads contacted within 2 hours / demo downloads × 100; null without demo downloads.");
    }
}

/// <summary>The <c>RevenueKpiRow</c> type.</summary>
public sealed class RevenueRowType : ObjectGraphType<RevenueRow>
{
    public RevenueRowType()
    {
        Name = "RevenueKpiRow";
        Description = "Revenue of the orders paid in one bucket (and dimension value), per currency; refunded and cancelled orders do not count.";
        Field(x => x.BucketStart).Description("First moment of the bucket (UTC).");
        Field(x => x.Dimension, nullable: true).Description("The dimension value the row is for (of the client's origin lead; MANAGER: the client's owner); null without grouping or without a value.");
        Field(x => x.Currency).Description("ISO 4217 currency of the amounts.");
        Field(x => x.Orders).Description("Orders paid in the bucket.");
        Field(x => x.RevenueMinor).Description("Sum of their net amounts (after discounts), in minor units.");
        Field(x => x.AverageCheckMinor).Description("Average check: revenue / orders, in minor units, rounded half to even.");
        Field(x => x.Clients).Description("Clients with an order paid in the bucket.");
        Field(x => x.RepeatClients).Description("Of those, clients with two or more orders paid in the bucket.");
        Field(x => x.RepeatPurchaseRate, nullable: true).Description("Repeat clients / clients × 100.");
    }
}

/// <summary>The <c>DealKpiRow</c> type.</summary>
public sealed class DealRowType : ObjectGraphType<DealRow>
{
    public DealRowType()
    {
        Name = "DealKpiRow";
        Description = "Deals closed (won or lost) in one bucket (and dimension value), per currency.";
        Field(x => x.BucketStart).Description("First moment of the bucket (UTC).");
        Field(x => x.Dimension, nullable: true).Description("The dimension value the row is for (of the deal's lead; MANAGER: the deal's owner); null without grouping or without a value.");
        Field(x => x.Currency).Description("ISO 4217 currency of the deal amounts.");
        Field(x => x.Won).Description("Deals won in the bucket.");
        Field(x => x.Lost).Description("Deals lost in the bucket.");
        Field(x => x.WinRate, nullable: true).Description("Won / (won + lost) × 100.");
        Field(x => x.WonAmountMinor).Description("Sum of the won deals' amounts, in minor units.");
        Field(x => x.AverageDealSizeMinor, nullable: true).Description("Average won deal amount, in minor units, rounded half to even; null when none was won.");
    }
}

/// <summary>The <c>MarketingKpiRow</c> type.</summary>
public sealed class MarketingRowType : ObjectGraphType<MarketingRow>
{
    public MarketingRowType()
    {
        Name = "MarketingKpiRow";
        Description = "A channel's leads, spend, cost per lead and ROI in one quarter, against the marketing plan.";
        Field(x => x.Channel).Description("The channel code.");
        Field(x => x.Currency).Description("ISO 4217 currency of every amount; spend, plans and revenue in other currencies are left out.");
        Field(x => x.TargetLeads, nullable: true).Description("The plan's target number of leads; null without a plan.");
        Field(x => x.Leads).Description("Leads created through the channel in the quarter.");
        Field(x => x.LeadPlanFulfilment, nullable: true).Description("Leads / target × 100; null without a plan or with a zero target.");
        Field(x => x.SpendMinor).Description("Recorded spend whose period starts in the quarter, in minor units.");
        Field(x => x.CostPerLeadMinor, nullable: true).Description("Spend / leads, in minor units, rounded half to even; null without leads.");
        Field(x => x.MaxCostPerLeadMinor, nullable: true).Description("The plan's acceptable cost per lead, in minor units; null without a plan.");
        Field(x => x.RevenueMinor).Description("Net revenue of orders paid in the quarter by clients whose origin lead came through the channel, in minor units.");
        Field(x => x.Roi, nullable: true).Description("ROI = (revenue − spend) / spend × 100; null without spend.");
        Field(x => x.PaysBack, nullable: true).Description("Whether ROI > 0; null without spend.");
    }
}
