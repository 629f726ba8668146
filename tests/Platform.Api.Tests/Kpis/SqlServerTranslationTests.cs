using Platform.Api.Tests.Infrastructure;
using Platform.Api.Kpis;
using Platform.Data;

namespace Platform.Api.Tests.Kpis;

/// <summary>
/// The KPI queries translate on SQL Server too: they run against a <see cref="SqlServerWithoutServer"/> context, so a
/// missing translation throws and the generated SQL can be checked.
/// </summary>
public sealed class SqlServerTranslationTests
{
    public static TheoryData<KpiBucket, KpiDimension?> Cases()
    {
        var cases = new TheoryData<KpiBucket, KpiDimension?>();
        foreach (var bucket in Enum.GetValues<KpiBucket>())
            cases.Add(bucket, null);
        foreach (var dimension in Enum.GetValues<KpiDimension>())
            cases.Add(KpiBucket.Week, dimension);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task KpiQueries_TranslateOnSqlServer(KpiBucket bucket, KpiDimension? dimension)
    {
        var noServer = new SqlServerWithoutServer();
        await using var db = noServer.CreateContext();
        var range = new KpiRange { From = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc), To = new DateTime(2030, 4, 1, 0, 0, 0, DateTimeKind.Utc), Bucket = bucket, GroupBy = dimension };

        await new LeadKpis(db).FunnelAsync(range, CancellationToken.None);
        await new LeadKpis(db).FirstResponseAsync(range, CancellationToken.None);
        await new RevenueKpis(db).RevenueAsync(range, CancellationToken.None);
        await new DealKpis(db).OutcomesAsync(range, CancellationToken.None);
        await new MarketingKpis(db).QuarterAsync(2030, 1, "EUR", CancellationToken.None);

        Assert.Equal(11, noServer.Commands.Count); // counts and timings of each lead KPI (days to conversion: cells, then their leads), one grouped query for revenue and deals, four for marketing
        // The lead counts of whole days come from the day rollups, the days to conversion from the histogram and the middle cells' leads.
        Assert.Equal(2, noServer.Commands.Count(c => c.Contains("FROM [LeadDayRollups]", StringComparison.Ordinal)));
        Assert.Single(noServer.Commands, c => c.Contains("FROM [LeadConversionRollups]", StringComparison.Ordinal) && c.Contains("STRING_AGG(", StringComparison.Ordinal));
        // The middle cells' leads: the cells as one JSON parameter, joined to the leads by whole days and creation time.
        Assert.Single(noServer.Commands, c => c.Contains("OPENJSON(@", StringComparison.Ordinal) && c.Contains("[p].[Days] = [l0].[DaysToConversion]", StringComparison.Ordinal));
        Assert.All(noServer.Commands.Where(c => c.Contains("COUNT(")), sql => Assert.Contains("GROUP BY", sql));
        Assert.All(noServer.Commands, sql => Assert.DoesNotContain("DATEPART(weekday", sql));
        // First-response medians and p90 in the database (window functions over the rows EF Core generated), durations by DATEDIFF_BIG.
        Assert.Single(noServer.Commands, c => c.Contains("ROW_NUMBER() OVER (PARTITION BY", StringComparison.Ordinal) && c.Contains("DATEDIFF_BIG(millisecond", StringComparison.Ordinal));
        // Revenue of whole months and quarters sums the revenue rollups; of weeks and days it groups per client twice in one
        // statement: no row per client reaches the API.
        if (bucket is KpiBucket.Month or KpiBucket.Quarter)
            Assert.Single(noServer.Commands, c => c.Contains("FROM [RevenueRollups]", StringComparison.Ordinal));
        else
            Assert.Contains(noServer.Commands, c => c.Contains("[o].[ClientId]", StringComparison.Ordinal) && c.Split("GROUP BY").Length == 3);
    }

    [Theory] // pipeline, proposal time, hourglass and sales plan KPIs
    [MemberData(nameof(Cases))]
    public async Task FunnelKpiQueries_TranslateOnSqlServer(KpiBucket bucket, KpiDimension? dimension)
    {
        var noServer = new SqlServerWithoutServer();
        await using var db = noServer.CreateContext();
        var range = new KpiRange { From = new DateTime(2031, 1, 1, 0, 0, 0, DateTimeKind.Utc), To = new DateTime(2031, 4, 1, 0, 0, 0, DateTimeKind.Utc), Bucket = bucket, GroupBy = dimension };
        var pipeline = new PipelineKpi(1, "Default", [new PipelineKpis.Stage(1, 1, "Default", "NEW", "New", 1, false)], range);

        await new PipelineKpis(db, new DealKpis(db)).PipelineAsync(null, range, CancellationToken.None);
        await new PipelineKpis(db, new DealKpis(db)).StagesAsync(pipeline, CancellationToken.None);
        await new PipelineKpis(db, new DealKpis(db)).OutcomesAsync(pipeline, CancellationToken.None);
        await new ProposalKpis(db).PreparationTimeAsync(range, CancellationToken.None);
        await new HourglassKpis(db).HourglassAsync(range, CancellationToken.None);
        await new SalesPlanKpis(db).QuarterAsync(2031, 1, "EUR", CancellationToken.None);

        Assert.Equal(3 + 1 + 7 + 2, noServer.Commands.Count); // pipeline: stages, counts, outcomes; proposal time; hourglass; plans and revenue
        Assert.All(noServer.Commands.Where(c => c.Contains("COUNT(")), sql => Assert.Contains("GROUP BY", sql));
        Assert.All(noServer.Commands, sql => Assert.DoesNotContain("DATEPART(weekday", sql));
        // Proposal time: count, average and median in the database (window functions), durations by DATEDIFF_BIG.
        Assert.Single(noServer.Commands, c => c.Contains("ROW_NUMBER() OVER (PARTITION BY", StringComparison.Ordinal) && c.Contains("DATEDIFF_BIG(millisecond", StringComparison.Ordinal) && c.Contains("\"MedianSeconds\"", StringComparison.Ordinal));
    }
    /// <summary>The client, referral and channel KPIs translate on SQL Server too, one grouped statement per figure.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BusinessKpiQueries_TranslateOnSqlServer(KpiBucket bucket, KpiDimension? dimension)
    {
        var noServer = new SqlServerWithoutServer();
        await using var db = noServer.CreateContext();
        var range = new KpiRange { From = new DateTime(2032, 1, 1, 0, 0, 0, DateTimeKind.Utc), To = new DateTime(2032, 4, 1, 0, 0, 0, DateTimeKind.Utc), Bucket = bucket, GroupBy = dimension };
        var clients = new ClientKpis(db, Microsoft.Extensions.Options.Options.Create(new Platform.Domain.Clients.ClientInsightsOptions()),
            Microsoft.Extensions.Options.Options.Create(new Platform.Domain.Loyalty.LoyaltyOptions()));

        await clients.TurnoverSharesAsync(range, 10, CancellationToken.None);
        await clients.SleepingAsync(range, CancellationToken.None);
        await new ReferralKpis(db).PartnersAsync(range, CancellationToken.None);
        await new ReferralKpis(db).PerLoyalClientAsync(range, CancellationToken.None);
        await new ChannelKpis(db).ChannelsAsync(range, "EUR", CancellationToken.None);
        await new DiscountKpis(db).ByRuleAsync(range, CancellationToken.None);

        Assert.Equal(9, noServer.Commands.Count); // turnover 1, sleeping 1, referral revenue and rewards 2, referred and loyal clients 2, leads and spend 2, discounts 1
        // Sleeping clients in the database: intervals by LAG, the median by ROW_NUMBER, the buckets' "as of" as datetime2 literals.
        var sleeping = Assert.Single(noServer.Commands, c => c.Contains("\"SleepingClients\"", StringComparison.Ordinal));
        Assert.Contains("LAG(o.\"PlacedAt\") OVER (PARTITION BY s.\"ClientId\", s.\"Bucket\"", sleeping, StringComparison.Ordinal);
        Assert.Contains("ROW_NUMBER() OVER (PARTITION BY", sleeping, StringComparison.Ordinal);
        Assert.Contains("DATEDIFF_BIG(millisecond", sleeping, StringComparison.Ordinal);
        Assert.Contains("AS DATETIME2)", sleeping, StringComparison.Ordinal);
        Assert.All(noServer.Commands.Where(c => c.Contains("COUNT(") || c.Contains("SUM(")), sql => Assert.Contains("GROUP BY", sql));
        Assert.All(noServer.Commands, sql => Assert.DoesNotContain("DATEPART(weekday", sql));
    }
}
