using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Platform.Api.Kpis;
using Platform.Data;

namespace Platform.Api.Tests.Kpis;

/// <summary>
/// The KPI queries translate on SQL Server too: they run against a SQL Server context whose connection and commands
/// are intercepted (no server needed), so a missing translation throws and the generated SQL can be checked.
/// </summary>
public sealed class SqlServerTranslationTests
{
    /// <summary>Opens no connection and answers every command with no rows, keeping its text.</summary>
    private sealed class NoServer : DbCommandInterceptor, IDbConnectionInterceptor
    {
        public List<string> Commands { get; } = [];

        public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult.Suppress());

        public ValueTask ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            ValueTask.FromResult(InterceptionResult.Suppress());

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add(command.CommandText);
            return ValueTask.FromResult(InterceptionResult<DbDataReader>.SuppressWithResult(new DataTable().CreateDataReader()));
        }
    }

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
        var noServer = new NoServer();
        var options = new DbContextOptionsBuilder<SqlServerDbContext>()
            .UseSqlServer("Server=none;Database=none")
            .AddInterceptors(noServer)
            .Options;
        await using var db = new SqlServerDbContext(options);
        var range = new KpiRange { From = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc), To = new DateTime(2030, 4, 1, 0, 0, 0, DateTimeKind.Utc), Bucket = bucket, GroupBy = dimension };

        await new LeadKpis(db).FunnelAsync(range, CancellationToken.None);
        await new LeadKpis(db).FirstResponseAsync(range, CancellationToken.None);
        await new RevenueKpis(db).RevenueAsync(range, CancellationToken.None);
        await new DealKpis(db).OutcomesAsync(range, CancellationToken.None);
        await new MarketingKpis(db).QuarterAsync(2030, 1, "EUR", CancellationToken.None);

        Assert.Equal(10, noServer.Commands.Count); // counts and timings of each lead KPI, one grouped query for revenue and deals, four for marketing
        Assert.All(noServer.Commands.Where(c => c.Contains("COUNT(")), sql => Assert.Contains("GROUP BY", sql));
        Assert.All(noServer.Commands, sql => Assert.DoesNotContain("DATEPART(weekday", sql));
    }
    /// <summary>The client, referral and channel KPIs (issue #7) translate on SQL Server too, one grouped statement per figure.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BusinessKpiQueries_TranslateOnSqlServer(KpiBucket bucket, KpiDimension? dimension)
    {
        var noServer = new NoServer();
        var options = new DbContextOptionsBuilder<SqlServerDbContext>()
            .UseSqlServer("Server=none;Database=none")
            .AddInterceptors(noServer)
            .Options;
        await using var db = new SqlServerDbContext(options);
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
        Assert.All(noServer.Commands.Where(c => c.Contains("COUNT(") || c.Contains("SUM(")), sql => Assert.Contains("GROUP BY", sql));
        Assert.All(noServer.Commands, sql => Assert.DoesNotContain("DATEPART(weekday", sql));
    }
}
