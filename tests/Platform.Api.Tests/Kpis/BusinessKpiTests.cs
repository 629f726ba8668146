using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data;
using Platform.DemoData;
using Platform.GraphQL.Server.Relay;
using Platform.Api.Security;
using Platform.Api.Tests.Infrastructure;
using Platform.Testing;

namespace Platform.Api.Tests.Kpis;

/// <summary>
/// The client, referral and channel KPIs against the hand-computed <see cref="BusinessKpiFixture"/>
/// (2032), through the API with a <c>kpi:read</c> token, on SQLite and PostgreSQL.
/// </summary>
public abstract class BusinessKpiTests<THost>(THost api) where THost : ApiHost
{
    private const string StrategicClients = """
        query($range: KpiRange!, $first: Int!) { strategicClientsKpi(range: $range, first: $first) { bucketStart currency rank client clientName orders revenueMinor sharePercent isStrategic } }
        """;

    private const string StrategicShare = """
        query($range: KpiRange!) { strategicShareKpi(range: $range) { bucketStart currency revenueMinor clients strategicClients strategicRevenueMinor strategicSharePercent } }
        """;

    private const string Sleeping = """
        query($range: KpiRange!) { sleepingClientsKpi(range: $range) { bucketStart dimension asOf payingClients sleepingClients sleepingRate } }
        """;

    private const string Referrals = """
        query($range: KpiRange!) { referralKpi(range: $range) { bucketStart partner currency orders revenueMinor rewardsMinor earnedRewardsMinor approvedRewardsMinor paidRewardsMinor voidRewardsMinor } }
        """;

    private const string PerLoyalClient = """
        query($range: KpiRange!) { referralsPerLoyalClientKpi(range: $range) { bucketStart dimension referredClients loyalClients referralsPerLoyalClient } }
        """;

    private const string Channels = """
        query($range: KpiRange!, $currency: String!) { channelKpi(range: $range, currency: $currency) { bucketStart dimension currency reach clicks applications applicationRate spendMinor costPerApplicationMinor } }
        """;

    private const string Discounts = """
        query($range: KpiRange!) { discountKpi(range: $range) { bucketStart dimension currency rule discountedOrders discountMinor orders grossMinor shareOfGross } }
        """;

    private static object Range(string from, string to, string bucket, string? groupBy = null, int first = 10, string currency = "EUR") =>
        new { range = new { from, to, bucket, groupBy }, first, currency };

    private async Task<JsonArray> RowsAsync(string query, object variables)
    {
        await BusinessKpiFixture.SeedAsync(api);
        var bi = await api.ClientForAsync(DemoClients.Bi);
        var result = await api.PostAsync(bi, query, variables);
        Assert.True(result["errors"] is null, result["errors"]?.ToJsonString());
        return result["data"]!.AsObject().First().Value!.AsArray();
    }

    private async Task<JsonNode> ErrorAsync(string query, object variables)
    {
        var bi = await api.ClientForAsync(DemoClients.Bi);
        var result = await api.PostAsync(bi, query, variables);
        Assert.NotNull(result["errors"]);
        return result["errors"]![0]!;
    }

    /// <summary>Rows as compact strings "field=value", so an assertion shows the whole table.</summary>
    private static string[] Table(IEnumerable<JsonNode?> rows, params string[] fields) =>
        rows.Select(row => string.Join(" ", fields.Select(f => $"{f}={Format(row![f])}"))).ToArray();

    private static string Format(JsonNode? value) => value switch
    {
        null => "null",
        JsonValue v when v.TryGetValue<double>(out var d) => Math.Round(d, 4).ToString(System.Globalization.CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<string>(out var s) && s.Length >= 19 && DateTime.TryParse(s, null, System.Globalization.DateTimeStyles.AdjustToUniversal, out var t) =>
            t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd") : t.ToString("yyyy-MM-ddTHH:mm"),
        _ => value.ToString(),
    };

    private static IEnumerable<JsonNode?> Where(JsonArray rows, string field, string? value) => rows.Where(r => (string?)r![field] == value);

    private static IEnumerable<JsonNode?> WhereNot(JsonArray rows, string field, string value) => rows.Where(r => (string?)r![field] != value);

    // --- Strategic clients (strictly more than 10 %) ---

    [Fact] // Jan CHF total 10000: C 3999 + 4000 = 79.99 %, B 1001 = 10.01 % (strategic), A 1000 = 10.00 % (not: > 10 %, not ≥)
    public async Task StrategicClients_TenPercentIsNotStrategicTenPointZeroOneIs()
    {
        var rows = await RowsAsync(StrategicClients, Range("2032-01-01T00:00:00Z", "2032-02-01T00:00:00Z", "MONTH", first: 3));

        Assert.Equal(
            [
                "rank=1 clientName=Kpi 7b client C orders=2 revenueMinor=7999 sharePercent=79.99 isStrategic=true",
                "rank=2 clientName=Kpi 7b client B orders=1 revenueMinor=1001 sharePercent=10.01 isStrategic=true",
                "rank=3 clientName=Kpi 7b client A orders=1 revenueMinor=1000 sharePercent=10 isStrategic=false",
            ],
            Table(Where(rows, "currency", "CHF"), "rank", "clientName", "orders", "revenueMinor", "sharePercent", "isStrategic"));
    }

    [Fact] // top N per bucket and currency; the Feb 1 00:00 order is in Feb, not Jan (half-open range); the refunded order is no revenue
    public async Task StrategicClients_TopNPerBucketAndCurrency()
    {
        var rows = await RowsAsync(StrategicClients, Range("2032-01-01T00:00:00Z", "2032-03-01T00:00:00Z", "MONTH", first: 1));

        Assert.Equal(
            [
                "bucketStart=2032-01-01 currency=CHF rank=1 clientName=Kpi 7b client C revenueMinor=7999",
                "bucketStart=2032-02-01 currency=CHF rank=1 clientName=Kpi 7b client C revenueMinor=750",
                "bucketStart=2032-02-01 currency=USD rank=1 clientName=Kpi 7b client B revenueMinor=300",
            ],
            Table(WhereNot(rows, "currency", "EUR"), "bucketStart", "currency", "rank", "clientName", "revenueMinor"));
    }

    [Fact] // Jan CHF: (1001 + 7999) / 10000 = 90 %; Feb CHF: C alone 750; Q1 CHF: 10750 in all, only C's 8749 > 10 % (B 9.31 %)
    public async Task StrategicShare_MonthlyAndQuarterly()
    {
        var months = await RowsAsync(StrategicShare, Range("2032-01-01T00:00:00Z", "2032-04-01T00:00:00Z", "MONTH"));
        var quarter = await RowsAsync(StrategicShare, Range("2032-01-01T00:00:00Z", "2032-04-01T00:00:00Z", "QUARTER"));

        string[] fields = ["bucketStart", "currency", "revenueMinor", "clients", "strategicClients", "strategicRevenueMinor", "strategicSharePercent"];
        Assert.Equal(
            [
                "bucketStart=2032-01-01 currency=CHF revenueMinor=10000 clients=3 strategicClients=2 strategicRevenueMinor=9000 strategicSharePercent=90",
                "bucketStart=2032-02-01 currency=CHF revenueMinor=750 clients=1 strategicClients=1 strategicRevenueMinor=750 strategicSharePercent=100",
                "bucketStart=2032-02-01 currency=USD revenueMinor=300 clients=1 strategicClients=1 strategicRevenueMinor=300 strategicSharePercent=100",
            ],
            Table(WhereNot(months, "currency", "EUR"), fields));
        Assert.Equal(
            ["bucketStart=2032-01-01 currency=CHF revenueMinor=10750 clients=3 strategicClients=1 strategicRevenueMinor=8749 strategicSharePercent=81.386"],
            Table(Where(quarter, "currency", "CHF"), fields));
    }

    [Fact] // all EUR revenue of Q1 2032: S1 300, S2 100, S3 200, R1 3000, R2 4000, R3 500, R5 800 = 8900; S2's 100 is 1.12 %
    public async Task StrategicShare_EurQuarter()
    {
        var quarter = await RowsAsync(StrategicShare, Range("2032-01-01T00:00:00Z", "2032-04-01T00:00:00Z", "QUARTER"));

        // > 10 % of 8900 (890): R1 3000, R2 4000 → 7000 / 8900 = 78.6517 %
        Assert.Equal(
            ["revenueMinor=8900 clients=7 strategicClients=2 strategicRevenueMinor=7000 strategicSharePercent=78.6517"],
            Table(Where(quarter, "currency", "EUR"), "revenueMinor", "clients", "strategicClients", "strategicRevenueMinor", "strategicSharePercent"));
    }

    [Fact]
    public async Task StrategicClients_BadFirstOrGrouping_IsAnError()
    {
        var zero = await ErrorAsync(StrategicClients, Range("2032-01-01T00:00:00Z", "2032-02-01T00:00:00Z", "MONTH", first: 0));
        var tooMany = await ErrorAsync(StrategicClients, Range("2032-01-01T00:00:00Z", "2032-02-01T00:00:00Z", "MONTH", first: 101));
        var grouped = await ErrorAsync(StrategicShare, Range("2032-01-01T00:00:00Z", "2032-02-01T00:00:00Z", "MONTH", "CHANNEL"));

        Assert.Equal("INVALID_ARGUMENT", (string?)zero["extensions"]!["code"]);
        Assert.Equal("INVALID_ARGUMENT", (string?)tooMany["extensions"]!["code"]);
        Assert.Equal("INVALID_RANGE", (string?)grouped["extensions"]!["code"]);
        Assert.Equal("`strategicShareKpi` cannot be grouped.", (string?)grouped["message"]);
    }

    // --- Sleeping clients (≥ 2 paid orders, gap > 2.5 × median interval) ---

    [Fact] // S1 (weekly, last Jan 15 12:00) sleeps strictly after 17.5 days: as of Feb 2 00:00 exactly 17.5 → awake; as of Feb 3 → asleep
    public async Task SleepingClients_BoundaryIsStrict()
    {
        var ids = await BusinessKpiFixture.SeedAsync(api);

        var rows = await RowsAsync(Sleeping, Range("2032-02-01T00:00:00Z", "2032-02-03T00:00:00Z", "DAY", "MANAGER"));

        Assert.Equal(
            [
                "bucketStart=2032-02-01 asOf=2032-02-02 payingClients=3 sleepingClients=0 sleepingRate=0",
                "bucketStart=2032-02-02 asOf=2032-02-03 payingClients=3 sleepingClients=1 sleepingRate=33.3333",
            ],
            Table(Where(rows, "dimension", ids.ManagerId), "bucketStart", "asOf", "payingClients", "sleepingClients", "sleepingRate"));
    }

    [Fact] // as of each month end; S3 (30-day interval, last Jan 31) stays awake until Apr 15; S2 has one order only; the last row is as of the range end
    public async Task SleepingClients_MonthlyAndAsOfRangeEnd()
    {
        var ids = await BusinessKpiFixture.SeedAsync(api);

        var months = await RowsAsync(Sleeping, Range("2032-01-01T00:00:00Z", "2032-04-01T00:00:00Z", "MONTH", "MANAGER"));
        var cut = await RowsAsync(Sleeping, Range("2032-01-01T00:00:00Z", "2032-02-10T00:00:00Z", "MONTH", "MANAGER"));

        Assert.Equal(
            [
                "bucketStart=2032-01-01 asOf=2032-02-01 payingClients=3 sleepingClients=0",
                "bucketStart=2032-02-01 asOf=2032-03-01 payingClients=3 sleepingClients=1",
                "bucketStart=2032-03-01 asOf=2032-04-01 payingClients=3 sleepingClients=1",
            ],
            Table(Where(months, "dimension", ids.ManagerId), "bucketStart", "asOf", "payingClients", "sleepingClients"));
        Assert.Equal(
            ["asOf=2032-02-01 sleepingClients=0", "asOf=2032-02-10 sleepingClients=1"],
            Table(Where(cut, "dimension", ids.ManagerId), "asOf", "sleepingClients"));
    }

    [Fact] // without grouping, each bucket's counts are the sum over the managers (demo clients included)
    public async Task SleepingClients_UngroupedIsTheSumOfManagers()
    {
        var all = await RowsAsync(Sleeping, Range("2032-01-01T00:00:00Z", "2032-04-01T00:00:00Z", "MONTH"));
        var byManager = await RowsAsync(Sleeping, Range("2032-01-01T00:00:00Z", "2032-04-01T00:00:00Z", "MONTH", "MANAGER"));

        Assert.Equal(3, all.Count);
        Assert.All(all, row => Assert.Null((string?)row!["dimension"]));
        Assert.Equal(
            all.Select(r => $"{r!["bucketStart"]} {r["payingClients"]} {r["sleepingClients"]}"),
            byManager.GroupBy(r => (string)r!["bucketStart"]!)
                .Select(g => $"{g.Key} {g.Sum(r => (int)r!["payingClients"]!)} {g.Sum(r => (int)r!["sleepingClients"]!)}"));
    }

    [Fact] // the KPI and Client.isSleeping apply the same rule: S1 at Feb 2 00:00 (17.5 days) awake, at Feb 3 00:00 asleep
    public async Task SleepingClients_AgreeWithClientIsSleeping()
    {
        var ids = await BusinessKpiFixture.SeedAsync(api);
        const string Query = "query($id: ID!) { node(id: $id) { ... on Client { isSleeping } } }";
        try
        {
            // Tokens are issued and checked on the API's clock, so each moment gets its own.
            api.Clock.FixedAt = BusinessKpiFixture.At(2, 2, 0);
            var awake = await api.PostAsync(await api.ClientForAsync(DemoClients.Integration), Query, new { id = ids.ClientS1Id });
            api.Clock.FixedAt = BusinessKpiFixture.At(2, 3, 0);
            var asleep = await api.PostAsync(await api.ClientForAsync(DemoClients.Integration), Query, new { id = ids.ClientS1Id });

            Assert.True(awake["errors"] is null && asleep["errors"] is null, awake["errors"]?.ToJsonString() + asleep["errors"]?.ToJsonString());
            Assert.False((bool)awake["data"]!["node"]!["isSleeping"]!);
            Assert.True((bool)asleep["data"]!["node"]!["isSleeping"]!);
        }
        finally
        {
            api.Clock.FixedAt = ApiHost.SeedTime;
        }
    }

    [Fact] // one rule, two places: the SQL of sleepingClientsKpi mirrors PurchaseStats.IsSleepingAt (the source of truth); month by month over the demo data and day by day around the fixture's boundary, the KPI's counts are the in-memory rule's over the same orders
    public async Task SleepingClients_SqlAgreesWithTheInMemoryRule()
    {
        await BusinessKpiFixture.SeedAsync(api);
        var months = await RowsAsync(Sleeping, Range("2024-01-01T00:00:00Z", "2027-01-01T00:00:00Z", "MONTH"));
        var days = await RowsAsync(Sleeping, Range("2032-01-10T00:00:00Z", "2032-04-20T00:00:00Z", "DAY"));
        List<(long ClientId, DateTime PlacedAt, DateTime PaidAt)> orders;
        Platform.Domain.Clients.ClientInsightsOptions options;
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var currency = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Platform.Domain.Loyalty.LoyaltyOptions>>().Value.Currency;
            options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Platform.Domain.Clients.ClientInsightsOptions>>().Value;
            orders = (await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Orders
                    .Where(o => o.Status == Platform.Domain.Orders.OrderStatus.Paid && o.Currency == currency)
                    .Select(o => new { o.ClientId, o.PlacedAt, PaidAt = o.PaidAt!.Value }).ToListAsync())
                .Select(o => (o.ClientId, o.PlacedAt, o.PaidAt)).ToList();
        }

        (int Paying, int Sleeping) InMemory(DateTime asOf)
        {
            var clients = orders.Where(o => o.PaidAt < asOf).GroupBy(o => o.ClientId)
                .Select(g => g.Select(o => o.PlacedAt).Order().ToList()).ToList();
            return (clients.Count, clients.Count(placed => Platform.Domain.Clients.PurchaseStats.IsSleepingAt(
                placed.Count, Platform.Domain.Clients.PurchaseStats.MedianIntervalOf(placed), placed[^1], asOf, options)));
        }
        // Every bucket's "as of" (the next bucket's start); a bucket without paying clients has no row.
        var asOfs = Enumerable.Range(1, 36).Select(m => new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(m))
            .Concat(Enumerable.Range(1, 101).Select(d => new DateTime(2032, 1, 10, 0, 0, 0, DateTimeKind.Utc).AddDays(d)));
        var expected = asOfs.Select(asOf => (asOf, Counts: InMemory(asOf))).Where(e => e.Counts.Paying > 0)
            .Select(e => $"asOf={e.asOf:yyyy-MM-dd} payingClients={e.Counts.Paying} sleepingClients={e.Counts.Sleeping}").ToList();
        var rows = months.Concat(days).ToList();

        Assert.True(expected.Count > 101, $"{expected.Count} buckets with paying clients"); // the demo data's months too
        Assert.Equal(expected, Table(rows, "asOf", "payingClients", "sleepingClients"));
        Assert.Contains(rows, r => (int)r!["sleepingClients"]! > 0 && (int)r["sleepingClients"]! < (int)r["payingClients"]!); // not a trivial agreement
        Assert.Contains(days, r => (int)r!["sleepingClients"]! != (int)days[0]!["sleepingClients"]!); // the days cross a client's boundary
    }

    [Fact] // the median of an even number of intervals is the mean of the middle two: E (2033, EUR) paid Jan 1, 3 and 13 at noon → intervals 2 and 10 days, median 6, asleep strictly after Jan 13 12:00 + 15 days = Jan 28 12:00 (the lower middle, 2 days, would say Jan 18; the upper, 10, Feb 7)
    public async Task SleepingClients_EvenIntervalCount_UsesTheMeanOfTheMiddleTwo()
    {
        await BusinessKpiFixture.SeedAsync(api);
        var manager = new Platform.Domain.Staff.StaffUser { Name = "Kpi 7c manager", Email = $"kpi7c.{Guid.NewGuid():N}@example.test", SalesRole = Platform.Domain.Staff.SalesRole.Farmer };
        var placed = new[] { 1, 3, 13 }.Select(day => new DateTime(2033, 1, day, 12, 0, 0, DateTimeKind.Utc)).ToList();
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            db.StaffUsers.Add(manager);
            await db.SaveChangesAsync();
            var client = new Platform.Domain.Clients.Client { Name = "Kpi 7c client E", Kind = Platform.Domain.Clients.ClientKind.Company, OwnerId = manager.Id };
            foreach (var (at, i) in placed.Select((at, i) => (at, i)))
                client.Orders.Add(new Platform.Domain.Orders.Order
                {
                    Number = i + 1, GrossAmountMinor = 100, NetAmountMinor = 100, Currency = "EUR", PaymentMode = Platform.Domain.Orders.PaymentMode.Single,
                    Status = Platform.Domain.Orders.OrderStatus.Paid, PlacedAt = at, PaidAt = at,
                });
            db.Clients.Add(client);
            await db.SaveChangesAsync();
        }

        var rows = await RowsAsync(Sleeping, Range("2033-01-17T00:00:00Z", "2033-01-30T00:00:00Z", "DAY", "MANAGER"));
        var mine = Table(Where(rows, "dimension", GlobalId.Encode("StaffUser", manager.Id)), "asOf", "payingClients", "sleepingClients");

        Assert.Equal(13, mine.Length);
        Assert.Equal(
            [
                "asOf=2033-01-28 payingClients=1 sleepingClients=0", // 14.5 days after the last order: awake
                "asOf=2033-01-29 payingClients=1 sleepingClients=1", // 15.5 days: asleep
                "asOf=2033-01-30 payingClients=1 sleepingClients=1",
            ],
            mine[^3..]);
        Assert.All(mine[..^2], row => Assert.EndsWith("sleepingClients=0", row));
        // The in-memory rule (the source of truth) says the same.
        var options = new Platform.Domain.Clients.ClientInsightsOptions();
        Assert.Equal(6m, Platform.Domain.Clients.PurchaseStats.MedianIntervalOf(placed));
        Assert.False(Platform.Domain.Clients.PurchaseStats.IsSleepingAt(3, 6m, placed[^1], new DateTime(2033, 1, 28, 0, 0, 0, DateTimeKind.Utc), options));
        Assert.True(Platform.Domain.Clients.PurchaseStats.IsSleepingAt(3, 6m, placed[^1], new DateTime(2033, 1, 29, 0, 0, 0, DateTimeKind.Utc), options));
    }

    // --- Discount cost by rule (D1–D6) ---

    [Fact] // April: 4 paid orders, gross 360000 (the refunded 300000 left out); D1 20000 + 5000 = 6.9444 %, D3 2500, D4 2500; May 1 00:00 is May
    public async Task Discounts_CostPerRuleAndShareOfGross()
    {
        var rows = await RowsAsync(Discounts, Range("2032-04-01T00:00:00Z", "2032-06-01T00:00:00Z", "MONTH"));

        Assert.Equal(
            [
                "bucketStart=2032-04-01 currency=EUR rule=D1 discountedOrders=2 discountMinor=25000 orders=4 grossMinor=360000 shareOfGross=6.9444",
                "bucketStart=2032-04-01 currency=EUR rule=D3 discountedOrders=1 discountMinor=2500 orders=4 grossMinor=360000 shareOfGross=0.6944",
                "bucketStart=2032-04-01 currency=EUR rule=D4 discountedOrders=1 discountMinor=2500 orders=4 grossMinor=360000 shareOfGross=0.6944",
                "bucketStart=2032-05-01 currency=EUR rule=D1 discountedOrders=0 discountMinor=0 orders=1 grossMinor=1000 shareOfGross=0",
                "bucketStart=2032-05-01 currency=EUR rule=D3 discountedOrders=1 discountMinor=50 orders=1 grossMinor=1000 shareOfGross=5",
                "bucketStart=2032-05-01 currency=EUR rule=D4 discountedOrders=0 discountMinor=0 orders=1 grossMinor=1000 shareOfGross=0",
            ],
            Table(rows, "bucketStart", "currency", "rule", "discountedOrders", "discountMinor", "orders", "grossMinor", "shareOfGross"));
    }

    [Fact] // the order placed through the API stores the part each rule gave: D1 tier 5 % of 2000.00 EUR in one payment, a new client (no D3, D4)
    public async Task Discounts_PlacedOrderStoresItsRuleParts()
    {
        var client = await api.ClientAsync();
        var place = await api.QueryAsync(
            "mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id discountAmount { amount } } errors { __typename } } }",
            new { input = new { clientId = client, amount = new { amount = 200000, currency = "EUR" }, paymentMode = "SINGLE" } });
        Assert.Empty(place["placeOrder"]!["errors"]!.AsArray());

        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var id = GlobalId.TryDecode((string?)place["placeOrder"]!["order"]!["id"], "Order")!.Value;
        var order = await db.Orders.SingleAsync(o => o.Id == id);

        Assert.Equal((10000L, 0L, 0L, 10000L), (order.SingleReceiptDiscountMinor, order.TenureDiscountMinor, order.NthOrderDiscountMinor, order.DiscountAmountMinor));
    }

    // --- Referrals (R3, R6) ---

    [Fact] // revenue by the bucket of payment, rewards by the bucket they were earned in and their status now; pending 999 and the refunded 700 do not count
    public async Task Referrals_RevenueAndRewardsPerPartner()
    {
        var ids = await BusinessKpiFixture.SeedAsync(api);

        var rows = await RowsAsync(Referrals, Range("2032-01-01T00:00:00Z", "2032-04-01T00:00:00Z", "MONTH"));

        Assert.Equal(
            [
                "bucketStart=2032-02-01 partner=null currency=EUR orders=1 revenueMinor=500 rewardsMinor=50 earnedRewardsMinor=0 approvedRewardsMinor=50 paidRewardsMinor=0 voidRewardsMinor=0",
                $"bucketStart=2032-02-01 partner={ids.PartnerOneId} currency=EUR orders=1 revenueMinor=1000 rewardsMinor=100 earnedRewardsMinor=0 approvedRewardsMinor=0 paidRewardsMinor=100 voidRewardsMinor=0",
                "bucketStart=2032-03-01 partner=null currency=EUR orders=1 revenueMinor=800 rewardsMinor=80 earnedRewardsMinor=80 approvedRewardsMinor=0 paidRewardsMinor=0 voidRewardsMinor=0",
                $"bucketStart=2032-03-01 partner={ids.PartnerOneId} currency=EUR orders=1 revenueMinor=2000 rewardsMinor=270 earnedRewardsMinor=0 approvedRewardsMinor=200 paidRewardsMinor=0 voidRewardsMinor=70",
                $"bucketStart=2032-03-01 partner={ids.PartnerTwoId} currency=EUR orders=1 revenueMinor=4000 rewardsMinor=400 earnedRewardsMinor=400 approvedRewardsMinor=0 paidRewardsMinor=0 voidRewardsMinor=0",
            ],
            Table(rows, "bucketStart", "partner", "currency", "orders", "revenueMinor", "rewardsMinor", "earnedRewardsMinor", "approvedRewardsMinor", "paidRewardsMinor", "voidRewardsMinor"));
    }

    [Fact] // R5's order and reward at Mar 1 00:00 belong to March: a range ending at Mar 1 leaves them out
    public async Task Referrals_RangeEndIsExclusive()
    {
        var ids = await BusinessKpiFixture.SeedAsync(api);

        var rows = await RowsAsync(Referrals, Range("2032-02-01T00:00:00Z", "2032-03-01T00:00:00Z", "QUARTER", "PARTNER"));

        Assert.Equal(
            ["partner=null orders=1 revenueMinor=500 rewardsMinor=50", $"partner={ids.PartnerOneId} orders=1 revenueMinor=1000 rewardsMinor=100"],
            Table(rows, "partner", "orders", "revenueMinor", "rewardsMinor"));
    }

    [Fact] // R3 (referred by S1) first paid Feb 15; R5 (by X, of the second manager) Mar 1; R4 never paid. Loyal: S1, S3 of the manager; none of the second → null
    public async Task ReferralsPerLoyalClient_ByManager()
    {
        var ids = await BusinessKpiFixture.SeedAsync(api);

        var months = await RowsAsync(PerLoyalClient, Range("2032-01-01T00:00:00Z", "2032-04-01T00:00:00Z", "MONTH", "MANAGER"));
        var quarter = await RowsAsync(PerLoyalClient, Range("2032-01-01T00:00:00Z", "2032-04-01T00:00:00Z", "QUARTER", "MANAGER"));

        Assert.Equal(
            [
                $"bucketStart=2032-02-01 dimension={ids.ManagerId} referredClients=1 loyalClients=2 referralsPerLoyalClient=0.5",
                $"bucketStart=2032-03-01 dimension={ids.SecondManagerId} referredClients=1 loyalClients=0 referralsPerLoyalClient=null",
            ],
            Table(months, "bucketStart", "dimension", "referredClients", "loyalClients", "referralsPerLoyalClient"));
        Assert.Equal(2, quarter.Count);
    }

    [Fact] // only MANAGER or no grouping
    public async Task ReferralsPerLoyalClient_OtherGroupingIsAnError()
    {
        var error = await ErrorAsync(PerLoyalClient, Range("2032-01-01T00:00:00Z", "2032-04-01T00:00:00Z", "MONTH", "CHANNEL"));

        Assert.Equal("`referralsPerLoyalClientKpi` can only be grouped by MANAGER.", (string?)error["message"]);
    }

    // --- Per-channel basic reporting ---

    [Fact] // Jan WEBSITE: 4 applications of 400 clicks = 1 %, 10000 / 4 = 2500 each; Feb: one lead at Feb 1 00:00, clicks unknown → rate null
    public async Task Channels_ReachClicksApplicationsAndCost()
    {
        var rows = await RowsAsync(Channels, Range("2032-01-01T00:00:00Z", "2032-03-01T00:00:00Z", "MONTH"));

        Assert.Equal(
            [
                "bucketStart=2032-01-01 dimension=LANDING_PAGE reach=1000 clicks=100 applications=2 applicationRate=2 spendMinor=3000 costPerApplicationMinor=1500",
                "bucketStart=2032-01-01 dimension=PARTNER reach=null clicks=null applications=2 applicationRate=null spendMinor=0 costPerApplicationMinor=0",
                "bucketStart=2032-01-01 dimension=RECOMMENDATION reach=null clicks=null applications=3 applicationRate=null spendMinor=0 costPerApplicationMinor=0",
                "bucketStart=2032-01-01 dimension=WEBSITE reach=50000 clicks=400 applications=4 applicationRate=1 spendMinor=10000 costPerApplicationMinor=2500",
                "bucketStart=2032-02-01 dimension=WEBSITE reach=null clicks=null applications=1 applicationRate=null spendMinor=6000 costPerApplicationMinor=6000",
            ],
            Table(rows, "bucketStart", "dimension", "reach", "clicks", "applications", "applicationRate", "spendMinor", "costPerApplicationMinor"));
    }

    [Fact] // by landing page: the page lp-7b, and everything without a page (9 Jan leads; the WEBSITE spend: 10000 / 9 = 1111.1 → 1111)
    public async Task Channels_ByLandingPage()
    {
        var rows = await RowsAsync(Channels, Range("2032-01-01T00:00:00Z", "2032-02-01T00:00:00Z", "MONTH", "LANDING_PAGE"));

        Assert.Equal(
            [
                "dimension=null reach=50000 clicks=400 applications=9 applicationRate=2.25 spendMinor=10000 costPerApplicationMinor=1111",
                "dimension=lp-7b reach=1000 clicks=100 applications=2 applicationRate=2 spendMinor=3000 costPerApplicationMinor=1500",
            ],
            Table(rows, "dimension", "reach", "clicks", "applications", "applicationRate", "spendMinor", "costPerApplicationMinor"));
    }

    [Fact] // spend in USD only: 9999 / 4 = 2499.75 → 2500; 4 of 7 clicks
    public async Task Channels_OtherCurrency()
    {
        var rows = await RowsAsync(Channels, Range("2032-01-01T00:00:00Z", "2032-02-01T00:00:00Z", "MONTH", currency: "USD"));

        Assert.Equal(
            ["dimension=WEBSITE currency=USD reach=7 clicks=7 applications=4 applicationRate=57.1429 spendMinor=9999 costPerApplicationMinor=2500"],
            Table(Where(rows, "dimension", "WEBSITE"), "dimension", "currency", "reach", "clicks", "applications", "applicationRate", "spendMinor", "costPerApplicationMinor"));
    }

    // --- All of them ---

    [Fact] // a range with no data gives no rows (and no division by zero) in every KPI; sleeping clients are a snapshot, so theirs is before any order
    public async Task EmptyRange_GivesNoRows()
    {
        await BusinessKpiFixture.SeedAsync(api);
        var bi = await api.ClientForAsync(DemoClients.Bi);

        var result = await api.PostAsync(bi, AllKpis, new
        {
            range = new { from = "2032-06-01T00:00:00Z", to = "2032-07-01T00:00:00Z", bucket = "MONTH" },
            sleeping = new { from = "2000-01-01T00:00:00Z", to = "2000-02-01T00:00:00Z", bucket = "MONTH" },
        });

        Assert.True(result["errors"] is null, result["errors"]?.ToJsonString());
        Assert.All(result["data"]!.AsObject(), field => Assert.Empty(field.Value!.AsArray()));
    }

    [Fact] // strategic clients and share 1 (shared) + sleeping 1 + discounts 1 + referrals 2 + per loyal client 2 + channels 2: grouped in SQL, never per row
    public async Task AllKpis_CostNineStatements()
    {
        await BusinessKpiFixture.SeedAsync(api);
        var bi = await api.ClientForAsync(DemoClients.Bi);
        var range = new { from = "2032-01-01T00:00:00Z", to = "2032-04-01T00:00:00Z", bucket = "QUARTER" };
        var variables = new { range, sleeping = range };
        await api.PostAsync(bi, AllKpis, variables);

        api.Sql.Clear();
        var result = await api.PostAsync(bi, AllKpis, variables);

        Assert.True(result["errors"] is null, result["errors"]?.ToJsonString());
        Assert.Equal(9, api.Sql.Count);
        Assert.All(api.Sql.Statements.Where(sql => sql.Contains("COUNT(")), sql => Assert.Contains("GROUP BY", sql));
        // The SQL each provider runs, reviewed like code; SQL Server's is not kept (no server where snapshots are reviewed),
        // its statement count is asserted above.
        if (api.Provider != "SqlServer")
            MarkdownSnapshot.Match($"BusinessKpis.{api.Provider}", [.. api.Sql.Statements.Select((sql, i) => ($"SQL {i + 1}", "sql", sql))]);
    }

    private const string AllKpis = """
        query($range: KpiRange!, $sleeping: KpiRange!) {
          strategicClientsKpi(range: $range) { revenueMinor }
          strategicShareKpi(range: $range) { revenueMinor }
          sleepingClientsKpi(range: $sleeping) { sleepingClients }
          discountKpi(range: $range) { discountMinor }
          referralKpi(range: $range) { revenueMinor }
          referralsPerLoyalClientKpi(range: $range) { referredClients }
          channelKpi(range: $range) { applications }
        }
        """;
}

public sealed class DefaultBusinessKpiTests(DefaultApi api) : BusinessKpiTests<DefaultApi>(api), IClassFixture<DefaultApi>;

public sealed class PostgresBusinessKpiTests(PostgresApi api) : BusinessKpiTests<PostgresApi>(api), IClassFixture<PostgresApi>;

/// <summary>The client, referral and channel KPIs need <c>kpi:read</c> like the others: partners and CRM integrations are denied.</summary>
public sealed class BusinessKpiAccessTests(DefaultApi api) : IClassFixture<DefaultApi>
{
    private const string Query = """
        { strategicClientsKpi(range: { from: "2024-01-01T00:00:00Z", to: "2027-01-01T00:00:00Z", bucket: MONTH }) { revenueMinor }
          strategicShareKpi(range: { from: "2024-01-01T00:00:00Z", to: "2027-01-01T00:00:00Z", bucket: MONTH }) { revenueMinor }
          sleepingClientsKpi(range: { from: "2024-01-01T00:00:00Z", to: "2027-01-01T00:00:00Z", bucket: MONTH }) { sleepingClients }
          discountKpi(range: { from: "2024-01-01T00:00:00Z", to: "2027-01-01T00:00:00Z", bucket: MONTH }) { discountMinor }
          referralKpi(range: { from: "2024-01-01T00:00:00Z", to: "2027-01-01T00:00:00Z", bucket: MONTH }) { revenueMinor }
          referralsPerLoyalClientKpi(range: { from: "2024-01-01T00:00:00Z", to: "2027-01-01T00:00:00Z", bucket: MONTH }) { referredClients }
          channelKpi(range: { from: "2024-01-01T00:00:00Z", to: "2027-01-01T00:00:00Z", bucket: MONTH }) { applications } }
        """;

    [Fact]
    public async Task Partner_GetsNothing()
    {
        string partnerClient;
        await using (var scope = api.Services.CreateAsyncScope())
            partnerClient = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Partners
                .Where(p => p.ApiClientId != null).Select(p => p.ApiClientId!).FirstAsync();

        await AssertDeniedAsync(await api.ClientForAsync(partnerClient));
    }

    [Fact]
    public async Task CrmIntegration_IsDenied() => await AssertDeniedAsync(api.Client);

    [Fact] // on the demo data every KPI has rows, but referrals per loyal client: the demo has no client referrers
    public async Task Bi_ReadsEveryKpi()
    {
        var result = await api.PostAsync(await api.ClientForAsync(DemoClients.Bi), Query);

        Assert.True(result["errors"] is null, result["errors"]?.ToJsonString());
        Assert.Equal(["referralsPerLoyalClientKpi"], result["data"]!.AsObject().Where(field => field.Value!.AsArray().Count == 0).Select(field => field.Key));
    }

    private async Task AssertDeniedAsync(HttpClient client)
    {
        var result = await api.PostAsync(client, Query);

        Assert.Null(result["data"]);
        Assert.Contains("ACCESS_DENIED", result["errors"]!.AsArray().Select(e => (string?)e!["extensions"]!["code"]));
    }
}

/// <summary>BI tools call the trusted client and channel KPI document over GET by id.</summary>
public sealed class BusinessKpiDocumentTests(DefaultApi api) : IClassFixture<DefaultApi>
{
    private static readonly string DocumentId = "sha256:" + Platform.GraphQL.Server.TrustedDocuments.TrustedDocumentStore.Hash(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "documents", "kpi-clients-channels.graphql")));

    [Fact] // Q1 2032 by quarter: CHF strategic revenue 8749 of 10750; WEBSITE 5 applications for 16000 of spend (Jan and Feb) = 3200 each
    public async Task Get_ByDocumentId_ReturnsEveryKpi()
    {
        await BusinessKpiFixture.SeedAsync(api);
        var bi = await api.ClientForAsync(DemoClients.Bi);
        var url = "/graphql?documentId=" + Uri.EscapeDataString(DocumentId) + "&variables="
            + Uri.EscapeDataString("""{"from":"2032-01-01T00:00:00Z","to":"2032-04-01T00:00:00Z","bucket":"QUARTER"}""");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("application/graphql-response+json");

        using var response = await bi.SendAsync(request);

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(body["errors"] is null, body.ToJsonString());
        Assert.Equal(8749L, (long)body["data"]!["strategicShareKpi"]!.AsArray().Single(r => (string?)r!["currency"] == "CHF")!["strategicRevenueMinor"]!);
        var website = body["data"]!["channelKpi"]!.AsArray().Single(r => (string?)r!["dimension"] == "WEBSITE")!;
        Assert.Equal((5, 16000L, 3200L), ((int)website["applications"]!, (long)website["spendMinor"]!, (long)website["costPerApplicationMinor"]!));
        Assert.NotEmpty(body["data"]!["sleepingClientsKpi"]!.AsArray());
        Assert.Equal(3, body["data"]!["referralKpi"]!.AsArray().Count); // no partner, P1, P2
        Assert.Equal(9, body["data"]!["discountKpi"]!.AsArray().Count); // CHF, EUR, USD × D1, D3, D4, all without discounts in Q1
        Assert.All(body["data"]!["discountKpi"]!.AsArray(), r => Assert.Equal(0L, (long)r!["discountMinor"]!));
    }
}
