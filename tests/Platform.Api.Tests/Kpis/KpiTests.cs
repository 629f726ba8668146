using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data;
using Platform.DemoData;
using Platform.Domain.Leads;
using Platform.Api.Security;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Kpis;

/// <summary>Each KPI against the hand-computed <see cref="KpiFixture"/>, through the API with a <c>kpi:read</c> token.</summary>
public abstract class KpiTests<THost>(THost api) where THost : ApiHost
{
    private const string Funnel = """
        query($range: KpiRange!) { leadFunnelKpi(range: $range) { bucketStart dimension leads converted conversionRate averageDaysToConversion medianDaysToConversion } }
        """;

    private const string FirstResponse = """
        query($range: KpiRange!) { firstResponseKpi(range: $range) { bucketStart dimension leads responded medianMinutes p90Minutes demoDownloads demoDownloadsWithinSla slaCompliance } }
        """;

    private const string Revenue = """
        query($range: KpiRange!) { revenueKpi(range: $range) { bucketStart dimension currency orders revenueMinor averageCheckMinor clients repeatClients repeatPurchaseRate } }
        """;

    private const string Deals = """
        query($range: KpiRange!) { dealKpi(range: $range) { bucketStart dimension currency won lost winRate wonAmountMinor averageDealSizeMinor } }
        """;

    private static object Range(string from, string to, string bucket, string? groupBy = null) => new { range = new { from, to, bucket, groupBy } };

    private async Task<JsonArray> RowsAsync(string query, object variables)
    {
        await KpiFixture.SeedAsync(api);
        var bi = await api.ClientForAsync(DemoClients.Bi);
        var result = await api.PostAsync(bi, query, variables);
        Assert.True(result["errors"] is null, result["errors"]?.ToJsonString());
        return result["data"]!.AsObject().First().Value!.AsArray();
    }

    /// <summary>Rows as compact strings "field=value", so an assertion shows the whole table.</summary>
    private static string[] Table(JsonArray rows, params string[] fields) =>
        rows.Select(row => string.Join(" ", fields.Select(f => $"{f}={Format(row![f])}"))).ToArray();

    private static string Format(JsonNode? value) => value switch
    {
        null => "null",
        JsonValue v when v.TryGetValue<double>(out var d) => Math.Round(d, 4).ToString(System.Globalization.CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<string>(out var s) && DateTime.TryParse(s, null, System.Globalization.DateTimeStyles.AdjustToUniversal, out var t) => t.ToString("yyyy-MM-dd"),
        _ => value.ToString(),
    };

    [Fact] // lead volume and conversion: Jan 4 leads, 2 converted after 2 and 4 days; Feb 2 leads, 1 after 10 days
    public async Task LeadFunnel_Monthly()
    {
        var rows = await RowsAsync(Funnel, Range("2030-01-01T00:00:00Z", "2030-04-01T00:00:00Z", "MONTH"));

        Assert.Equal(
            [
                "bucketStart=2030-01-01 dimension=null leads=4 converted=2 conversionRate=50 averageDaysToConversion=3 medianDaysToConversion=3",
                "bucketStart=2030-02-01 dimension=null leads=2 converted=1 conversionRate=50 averageDaysToConversion=10 medianDaysToConversion=10",
            ],
            Table(rows, "bucketStart", "dimension", "leads", "converted", "conversionRate", "averageDaysToConversion", "medianDaysToConversion"));
    }

    [Fact] // conversion per temperature: Jan COLD 1/1, HOT 0/1, WARM 1/2; Feb COLD 1/2
    public async Task LeadFunnel_ByTemperature()
    {
        var rows = await RowsAsync(Funnel, Range("2030-01-01T00:00:00Z", "2030-04-01T00:00:00Z", "MONTH", "TEMPERATURE"));

        Assert.Equal(
            [
                "bucketStart=2030-01-01 dimension=COLD leads=1 conversionRate=100",
                "bucketStart=2030-01-01 dimension=HOT leads=1 conversionRate=0",
                "bucketStart=2030-01-01 dimension=WARM leads=2 conversionRate=50",
                "bucketStart=2030-02-01 dimension=COLD leads=2 conversionRate=50",
            ],
            Table(rows, "bucketStart", "dimension", "leads", "conversionRate"));
    }

    [Fact] // ISO weeks start on Monday: Sunday 2030-01-06 belongs to the week of Monday 2029-12-31
    public async Task Buckets_WeekStartsMonday()
    {
        var rows = await RowsAsync(Funnel, Range("2030-01-01T00:00:00Z", "2030-01-14T00:00:00Z", "WEEK"));

        Assert.Equal(["bucketStart=2029-12-31 leads=1", "bucketStart=2030-01-07 leads=1"], Table(rows, "bucketStart", "leads"));
    }

    [Fact] // days split at midnight UTC; quarters Jan–Mar, Apr–Jun
    public async Task Buckets_DayAndQuarter()
    {
        var days = await RowsAsync(Funnel, Range("2030-01-31T00:00:00Z", "2030-02-02T00:00:00Z", "DAY"));
        var quarters = await RowsAsync(Funnel, Range("2030-01-01T00:00:00Z", "2030-07-01T00:00:00Z", "QUARTER", "CHANNEL"));

        Assert.Equal(["bucketStart=2030-01-31 leads=1", "bucketStart=2030-02-01 leads=1"], Table(days, "bucketStart", "leads"));
        Assert.Equal(
            [
                "bucketStart=2030-01-01 dimension=COLD_CALL leads=1",
                "bucketStart=2030-01-01 dimension=LANDING_PAGE leads=2",
                "bucketStart=2030-01-01 dimension=WEBSITE leads=3",
                "bucketStart=2030-04-01 dimension=WEBSITE leads=1",
            ],
            Table(quarters, "bucketStart", "dimension", "leads"));
    }

    [Fact] // MANAGER: the lead's owner as a StaffUser global ID; leads without an owner under null
    public async Task LeadFunnel_ByManager()
    {
        var manager = await KpiFixture.SeedAsync(api);

        var rows = await RowsAsync(Funnel, Range("2030-01-01T00:00:00Z", "2030-02-01T00:00:00Z", "MONTH", "MANAGER"));

        Assert.Equal(["dimension=null leads=3", $"dimension={KpiFixture.ManagerId(manager)} leads=1"], Table(rows, "dimension", "leads"));
    }

    [Fact] // T2: Jan answered after 30, 90, 180 min → median 90, p90 (nearest rank) 180; T1: demo downloads 2, one within 2 h
    public async Task FirstResponse_MedianP90AndDemoSla()
    {
        var rows = await RowsAsync(FirstResponse, Range("2030-01-01T00:00:00Z", "2030-04-01T00:00:00Z", "MONTH"));

        Assert.Equal(
            [
                "leads=4 responded=3 medianMinutes=90 p90Minutes=180 demoDownloads=2 demoDownloadsWithinSla=1 slaCompliance=50",
                "leads=2 responded=1 medianMinutes=10 p90Minutes=10 demoDownloads=1 demoDownloadsWithinSla=0 slaCompliance=0",
            ],
            Table(rows, "leads", "responded", "medianMinutes", "p90Minutes", "demoDownloads", "demoDownloadsWithinSla", "slaCompliance"));
    }

    [Fact] // August: answered after 10 … 80, 120, 121 min → median (50 + 60) / 2 = 55, p90 = rank ⌈0.9 × 10⌉ = 9 → 120; T1 "within 2 h" includes 120 min, not 121 → 2 of 3 demo downloads
    public async Task FirstResponse_EvenMedianP90RankAndSlaBoundary()
    {
        var rows = await RowsAsync(FirstResponse, Range("2030-08-01T00:00:00Z", "2030-09-01T00:00:00Z", "MONTH"));

        Assert.Equal(
            ["leads=10 responded=10 medianMinutes=55 p90Minutes=120 demoDownloads=3 demoDownloadsWithinSla=2 slaCompliance=66.6667"],
            Table(rows, "leads", "responded", "medianMinutes", "p90Minutes", "demoDownloads", "demoDownloadsWithinSla", "slaCompliance"));
    }

    [Fact] // August: converted after 1, 2, 3 and 10 days → average 4, median (2 + 3) / 2 = 2.5; by DAY each converted lead is its own median
    public async Task LeadFunnel_EvenMedianAndPerDayBuckets()
    {
        var month = await RowsAsync(Funnel, Range("2030-08-01T00:00:00Z", "2030-09-01T00:00:00Z", "MONTH"));
        var days = await RowsAsync(Funnel, Range("2030-08-01T00:00:00Z", "2030-08-06T00:00:00Z", "DAY", "CHANNEL"));

        Assert.Equal(["leads=10 converted=4 conversionRate=40 averageDaysToConversion=4 medianDaysToConversion=2.5"],
            Table(month, "leads", "converted", "conversionRate", "averageDaysToConversion", "medianDaysToConversion"));
        Assert.Equal(
            [
                "bucketStart=2030-08-01 dimension=WEBINAR medianDaysToConversion=1",
                "bucketStart=2030-08-02 dimension=WEBINAR medianDaysToConversion=2",
                "bucketStart=2030-08-03 dimension=WEBINAR medianDaysToConversion=3",
                "bucketStart=2030-08-04 dimension=WEBINAR medianDaysToConversion=10",
                "bucketStart=2030-08-05 dimension=WEBINAR medianDaysToConversion=null",
            ],
            Table(days, "bucketStart", "dimension", "medianDaysToConversion"));
    }

    [Fact] // Jan: 10000 + 20000 + 30001 over 3 orders, client 1 bought twice; Feb: 5000 (the refunded and the unpaid order do not count)
    public async Task Revenue_AverageCheckAndRepeatRate()
    {
        var rows = await RowsAsync(Revenue, Range("2030-01-01T00:00:00Z", "2030-04-01T00:00:00Z", "MONTH"));

        Assert.Equal(
            [
                "bucketStart=2030-01-01 currency=EUR orders=3 revenueMinor=60001 averageCheckMinor=20000 clients=2 repeatClients=1 repeatPurchaseRate=50",
                "bucketStart=2030-02-01 currency=EUR orders=1 revenueMinor=5000 averageCheckMinor=5000 clients=1 repeatClients=0 repeatPurchaseRate=0",
            ],
            Table(rows, "bucketStart", "currency", "orders", "revenueMinor", "averageCheckMinor", "clients", "repeatClients", "repeatPurchaseRate"));
    }

    [Fact] // lead dimensions of an order are its client's origin lead's; MANAGER is the client's owner
    public async Task Revenue_ByChannelAndManager()
    {
        var manager = await KpiFixture.SeedAsync(api);

        var channels = await RowsAsync(Revenue, Range("2030-01-01T00:00:00Z", "2030-02-01T00:00:00Z", "MONTH", "CHANNEL"));
        var managers = await RowsAsync(Revenue, Range("2030-01-01T00:00:00Z", "2030-02-01T00:00:00Z", "MONTH", "MANAGER"));

        Assert.Equal(["dimension=null orders=1 revenueMinor=30001", "dimension=WEBSITE orders=2 revenueMinor=30000"], Table(channels, "dimension", "orders", "revenueMinor"));
        Assert.Equal(["dimension=null orders=1", $"dimension={KpiFixture.ManagerId(manager)} orders=2"], Table(managers, "dimension", "orders"));
    }

    [Fact] // Jan: two deals won (100000 + 50001); Feb: one lost; the open deal does not count
    public async Task Deals_WinRateAndAverageDealSize()
    {
        var rows = await RowsAsync(Deals, Range("2030-01-01T00:00:00Z", "2030-04-01T00:00:00Z", "MONTH"));

        Assert.Equal(
            [
                "bucketStart=2030-01-01 currency=EUR won=2 lost=0 winRate=100 wonAmountMinor=150001 averageDealSizeMinor=75000",
                "bucketStart=2030-02-01 currency=EUR won=0 lost=1 winRate=0 wonAmountMinor=0 averageDealSizeMinor=null",
            ],
            Table(rows, "bucketStart", "currency", "won", "lost", "winRate", "wonAmountMinor", "averageDealSizeMinor"));
    }

    [Fact] // lead dimensions of a deal are its lead's; MANAGER is the deal's owner
    public async Task Deals_ByChannelAndManager()
    {
        var manager = await KpiFixture.SeedAsync(api);

        var channels = await RowsAsync(Deals, Range("2030-01-01T00:00:00Z", "2030-02-01T00:00:00Z", "QUARTER", "CHANNEL"));
        var managers = await RowsAsync(Deals, Range("2030-01-01T00:00:00Z", "2030-04-01T00:00:00Z", "QUARTER", "MANAGER"));

        Assert.Equal(["dimension=null won=1", "dimension=WEBSITE won=1"], Table(channels, "dimension", "won"));
        Assert.Equal(["dimension=null won=1 lost=1", $"dimension={KpiFixture.ManagerId(manager)} won=1 lost=0"], Table(managers, "dimension", "won", "lost"));
    }

    [Fact] // O3, Q1 2030: WEBSITE 3 leads of 4, spend 3000 + 1500 (USD and Q2 spend left out), revenue 35000 of client 1 → ROI (35000 − 4500) / 4500 × 100
    public async Task Marketing_PlanCostPerLeadAndRoi()
    {
        await KpiFixture.SeedAsync(api);
        var bi = await api.ClientForAsync(DemoClients.Bi);

        var result = await api.PostAsync(bi, """
            { marketingKpi(year: 2030, quarter: 1) { channel targetLeads leads leadPlanFulfilment spendMinor costPerLeadMinor maxCostPerLeadMinor revenueMinor roi paysBack } }
            """);

        Assert.True(result["errors"] is null, result["errors"]?.ToJsonString());
        Assert.Equal(
            [
                "channel=COLD_CALL targetLeads=null leads=1 leadPlanFulfilment=null spendMinor=0 costPerLeadMinor=0 maxCostPerLeadMinor=null revenueMinor=0 roi=null paysBack=null",
                "channel=LANDING_PAGE targetLeads=2 leads=2 leadPlanFulfilment=100 spendMinor=10000 costPerLeadMinor=5000 maxCostPerLeadMinor=5000 revenueMinor=0 roi=-100 paysBack=false",
                "channel=WEBSITE targetLeads=4 leads=3 leadPlanFulfilment=75 spendMinor=4500 costPerLeadMinor=1500 maxCostPerLeadMinor=2000 revenueMinor=35000 roi=677.7778 paysBack=true",
            ],
            Table(result["data"]!["marketingKpi"]!.AsArray(), "channel", "targetLeads", "leads", "leadPlanFulfilment", "spendMinor", "costPerLeadMinor", "maxCostPerLeadMinor", "revenueMinor", "roi", "paysBack"));
    }

    [Fact] // a repeated report comes from the KPI cache (no lead SQL); a write through the API process is reflected once the result is 30 s old (README, "KPI freshness")
    public async Task Cache_RepeatRunsNoSql_WriteIsReflectedAfterTheStalenessWindow()
    {
        var november = Range("2030-11-01T00:00:00Z", "2030-12-01T00:00:00Z", "MONTH");
        var now = DateTime.UtcNow;
        api.Clock.FixedAt = now;
        try
        {
            var before = await RowsAsync(Funnel, november);
            api.Sql.Clear();

            var repeated = await RowsAsync(Funnel, november);
            var leadSql = api.Sql.Statements.Count(s => s.Contains("Leads", StringComparison.Ordinal));
            await using (var scope = api.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
                db.Leads.Add(new Lead { FirstName = "Cached", Phone = "+49305559999", Channel = LeadChannels.Webinar, CreatedAt = new DateTime(2030, 11, 5, 9, 0, 0, DateTimeKind.Utc) });
                await db.SaveChangesAsync();
            }
            api.Clock.FixedAt = now.AddSeconds(30);
            var within = await RowsAsync(Funnel, november);
            api.Clock.FixedAt = now.AddSeconds(31);
            var after = await RowsAsync(Funnel, november);

            Assert.Empty(before);
            Assert.Empty(repeated);
            Assert.Equal(0, leadSql);
            Assert.Empty(within);
            Assert.Equal(["bucketStart=2030-11-01 leads=1 converted=0"], Table(after, "bucketStart", "leads", "converted"));
        }
        finally
        {
            api.Clock.FixedAt = null;
        }
    }

    [Fact]
    public async Task Range_ReversedOrTooLong_IsAnError()
    {
        var bi = await api.ClientForAsync(DemoClients.Bi);

        var reversed = await api.PostAsync(bi, Funnel, Range("2030-02-01T00:00:00Z", "2030-01-01T00:00:00Z", "MONTH"));
        var tooLong = await api.PostAsync(bi, Funnel, Range("2020-01-01T00:00:00Z", "2030-01-01T00:00:00Z", "DAY"));

        Assert.Equal("INVALID_RANGE", (string?)reversed["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal("RANGE_TOO_LONG", (string?)tooLong["errors"]![0]!["extensions"]!["code"]);
    }
}

public sealed class DefaultKpiTests(DefaultApi api) : KpiTests<DefaultApi>(api), IClassFixture<DefaultApi>;

public sealed class PostgresKpiTests(PostgresApi api) : KpiTests<PostgresApi>(api), IClassFixture<PostgresApi>;
