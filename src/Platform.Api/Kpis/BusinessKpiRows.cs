using GraphQL.Types;

namespace Platform.Api.Kpis;

/// <summary>One client's share of the turnover of a bucket in one currency.</summary>
public sealed record StrategicClientRow(
    DateTime BucketStart, string Currency, int Rank, string Client, string ClientName, int Orders, long RevenueMinor, double? SharePercent, bool IsStrategic);

/// <summary>The share of a bucket's turnover in one currency that strategic clients brought.</summary>
public sealed record StrategicShareRow(
    DateTime BucketStart, string Currency, long RevenueMinor, int Clients, int StrategicClients, long StrategicRevenueMinor, double? StrategicSharePercent);

/// <summary>Paying and sleeping clients as of a bucket's end.</summary>
public sealed record SleepingClientsRow(DateTime BucketStart, string? Dimension, DateTime AsOf, int PayingClients, int SleepingClients, double? SleepingRate);

/// <summary>Referred clients' revenue and the rewards it earned, per bucket, partner and currency.</summary>
public sealed record ReferralRow(
    DateTime BucketStart, string? Partner, string Currency, int Orders, long RevenueMinor,
    long RewardsMinor, long EarnedRewardsMinor, long ApprovedRewardsMinor, long PaidRewardsMinor, long VoidRewardsMinor);

/// <summary>Clients referred by clients that became real, against the loyal clients (R6).</summary>
public sealed record ReferralsPerLoyalClientRow(DateTime BucketStart, string? Dimension, int ReferredClients, int LoyalClients, double? ReferralsPerLoyalClient);

/// <summary>Per-channel basic reporting of one bucket.</summary>
public sealed record ChannelRow(
    DateTime BucketStart, string? Dimension, string Currency, long? Reach, long? Clicks, int Applications, double? ApplicationRate,
    long SpendMinor, long? CostPerApplicationMinor);

/// <summary>The <c>StrategicClientKpiRow</c> type.</summary>
public sealed class StrategicClientRowType : ObjectGraphType<StrategicClientRow>
{
    public StrategicClientRowType()
    {
        Name = "StrategicClientKpiRow";
        Description = "One client's share of the net revenue of the orders paid in a bucket, in one currency; the top clients of each bucket.";
        Field(x => x.BucketStart).Description("First moment of the bucket (UTC).");
        Field(x => x.Currency).Description("ISO 4217 currency of the amounts; shares are within this currency.");
        Field(x => x.Rank).Description("1 for the client with the most revenue in the bucket and currency; ties by client age.");
        Field(x => x.Client, type: typeof(NonNullGraphType<IdGraphType>)).Description("The client's global ID.");
        Field(x => x.ClientName).Description("The client's name.");
        Field(x => x.Orders).Description("The client's orders paid in the bucket.");
        Field(x => x.RevenueMinor).Description("Their net amounts (after discounts), in minor units.");
        Field(x => x.SharePercent, nullable: true).Description("The client's revenue / the bucket's revenue × 100; null when the bucket's revenue is 0.");
        Field(x => x.IsStrategic).Description("Whether the share is strictly more than 10 % (configurable; 10.00 % is not strategic, 10.01 % is).");
    }
}

/// <summary>The <c>StrategicShareKpiRow</c> type.</summary>
public sealed class StrategicShareRowType : ObjectGraphType<StrategicShareRow>
{
    public StrategicShareRowType()
    {
        Name = "StrategicShareKpiRow";
        Description = "How much of the net revenue of the orders paid in a bucket, in one currency, came from strategic clients.";
        Field(x => x.BucketStart).Description("First moment of the bucket (UTC).");
        Field(x => x.Currency).Description("ISO 4217 currency of the amounts.");
        Field(x => x.RevenueMinor).Description("Net revenue of the orders paid in the bucket, in minor units.");
        Field(x => x.Clients).Description("Clients with an order paid in the bucket.");
        Field(x => x.StrategicClients).Description("Of those, clients with strictly more than 10 % of the revenue.");
        Field(x => x.StrategicRevenueMinor).Description("Σ revenue of the strategic clients, in minor units.");
        Field(x => x.StrategicSharePercent, nullable: true).Description("Strategic revenue / revenue × 100; null when the revenue is 0.");
    }
}

/// <summary>The <c>SleepingClientsKpiRow</c> type.</summary>
public sealed class SleepingClientsRowType : ObjectGraphType<SleepingClientsRow>
{
    public SleepingClientsRowType()
    {
        Name = "SleepingClientsKpiRow";
        Description = "Clients that paid an order by the end of a bucket and, of those, the ones sleeping at that moment by the client card's rule.";
        Field(x => x.BucketStart).Description("First moment of the bucket (UTC).");
        Field(x => x.Dimension, nullable: true).Description("The dimension value the row is for (of the client's origin lead; MANAGER: the client's owner); null without grouping or without a value.");
        Field(x => x.AsOf).Description("The moment the counts are taken: the bucket's end, or the range's end for a bucket it cuts; the last row is the count as of the range end.");
        Field(x => x.PayingClients).Description("Clients with a paid order (in the loyalty currency) before AsOf.");
        Field(x => x.SleepingClients).Description("Of those, clients with at least 2 paid orders whose time since the last order at AsOf is more than 2.5 × their median interval (configurable).");
        Field(x => x.SleepingRate, nullable: true).Description("Sleeping clients / paying clients × 100.");
    }
}

/// <summary>The <c>ReferralKpiRow</c> type.</summary>
public sealed class ReferralRowType : ObjectGraphType<ReferralRow>
{
    public ReferralRowType()
    {
        Name = "ReferralKpiRow";
        Description = "Revenue of referred clients and the rewards earned, per bucket, referring partner and currency.";
        Field(x => x.BucketStart).Description("First moment of the bucket (UTC).");
        Field(x => x.Partner, type: typeof(IdGraphType)).Description("The referring partner's global ID; null for clients referred by a client (refer a friend).");
        Field(x => x.Currency).Description("ISO 4217 currency of the amounts.");
        Field(x => x.Orders).Description("Paid orders of referred clients paid in the bucket; refunded and cancelled orders do not count.");
        Field(x => x.RevenueMinor).Description("Their net amounts, in minor units.");
        Field(x => x.RewardsMinor).Description("Rewards earned in the bucket (by a referred client's paid order), whatever their status now, in minor units; pending ones do not count.");
        Field(x => x.EarnedRewardsMinor).Description("Of those, rewards still EARNED (in the holding period), in minor units.");
        Field(x => x.ApprovedRewardsMinor).Description("Of those, rewards APPROVED and not yet paid out, in minor units.");
        Field(x => x.PaidRewardsMinor).Description("Of those, rewards PAID out, in minor units.");
        Field(x => x.VoidRewardsMinor).Description("Of those, rewards VOID (refunded within the holding period), in minor units.");
    }
}

/// <summary>The <c>ReferralsPerLoyalClientKpiRow</c> type.</summary>
public sealed class ReferralsPerLoyalClientRowType : ObjectGraphType<ReferralsPerLoyalClientRow>
{
    public ReferralsPerLoyalClientRowType()
    {
        Name = "ReferralsPerLoyalClientKpiRow";
        Description = "Referred real clients per loyal client; the seed's benchmark is 2.";
        Field(x => x.BucketStart).Description("First moment of the bucket (UTC).");
        Field(x => x.Dimension, nullable: true).Description("MANAGER: the owner of the referring and of the loyal clients; null without grouping or without an owner.");
        Field(x => x.ReferredClients).Description("Clients referred by a client whose first paid order (they became real) is in the bucket.");
        Field(x => x.LoyalClients).Description("Clients in the loyalty categories LOYAL, COMMITTED or FAN now (categories keep no history).");
        Field(x => x.ReferralsPerLoyalClient, nullable: true).Description("Referred clients / loyal clients; null without loyal clients.");
    }
}

/// <summary>The <c>ChannelKpiRow</c> type.</summary>
public sealed class ChannelRowType : ObjectGraphType<ChannelRow>
{
    public ChannelRowType()
    {
        Name = "ChannelKpiRow";
        Description = "Per-channel basic reporting of one bucket: reach, clicks, conversion into applications and cost of an application.";
        Field(x => x.BucketStart).Description("First moment of the bucket (UTC).");
        Field(x => x.Dimension, nullable: true).Description("The channel code, or with groupBy LANDING_PAGE the landing page code (null: leads and spend without one).");
        Field(x => x.Currency).Description("ISO 4217 currency of the spend; spend in other currencies is left out.");
        Field(x => x.Reach, nullable: true).Description("People shown the ad: Σ impressions of the spend records whose period starts in the bucket; null when none gave it.");
        Field(x => x.Clicks, nullable: true).Description("Σ clicks to the site or landing page of those records; null when none gave them.");
        Field(x => x.Applications).Description("Leads (applications) created in the bucket through the channel or landing page.");
        Field(x => x.ApplicationRate, nullable: true).Description("Applications / clicks × 100; null without clicks.");
        Field(x => x.SpendMinor).Description("Spend of the records whose period starts in the bucket, in minor units.");
        Field(x => x.CostPerApplicationMinor, nullable: true).Description("Spend / applications, in minor units, rounded half to even; null without applications.");
    }
}
