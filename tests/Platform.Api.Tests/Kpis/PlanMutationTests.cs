using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Security;
using Platform.Api.Tests.Infrastructure;
using Platform.Data;
using Platform.DemoData;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Tests.Kpis;

/// <summary>
/// setSalesPlan (T8), setMarketingPlan and recordMarketingSpend (O3): upserts that the KPIs then report, and every bad
/// input a specific error with nothing saved. Quarters of 2031 other than Q1/Q2, which <see cref="FunnelKpiFixture"/> uses.
/// </summary>
public abstract class PlanMutationTests<THost>(THost api) where THost : ApiHost
{
    private const string SetSalesPlan = """
        mutation($input: SetSalesPlanInput!) { setSalesPlan(input: $input) {
          salesPlan { ownerId year quarter target { amount currency } version }
          errors { __typename ... on Error { code message } ... on ValidationError { field } ... on NotFoundError { id } } } }
        """;

    private const string SetMarketingPlan = """
        mutation($input: SetMarketingPlanInput!) { setMarketingPlan(input: $input) {
          marketingPlan { channel year quarter targetLeads maxCostPerLead { amount currency } version }
          errors { __typename ... on Error { code message } ... on ValidationError { field } } } }
        """;

    private const string RecordSpend = """
        mutation($input: RecordMarketingSpendInput!) { recordMarketingSpend(input: $input) {
          marketingSpend { channel periodStart periodEnd amount { amount currency } clicks }
          errors { __typename ... on Error { code message } ... on ValidationError { field } } } }
        """;

    private async Task<JsonObject> MutateAsync(string mutation, object input)
    {
        var data = await api.QueryAsync(mutation, new { input });
        return data.First().Value!.AsObject();
    }

    /// <summary>Reads a KPI as the BI client (kpi:read; the integration client that mutates has crm scopes only).</summary>
    private async Task<JsonObject> KpiAsync(string query)
    {
        var result = await api.PostAsync(await api.ClientForAsync(DemoClients.Bi), query);
        Assert.True(result["errors"] is null, result["errors"]?.ToJsonString());
        return result["data"]!.AsObject();
    }

    private async Task<T> InDbAsync<T>(Func<PlatformDbContext, Task<T>> read)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }

    private static string Error(JsonObject payload) =>
        $"{payload["errors"]![0]!["__typename"]}:{payload["errors"]![0]!["field"] ?? payload["errors"]![0]!["id"]}";

    [Fact] // upsert per owner and quarter: the second call replaces the target (version 2), and salesPlanKpi reports it
    public async Task SetSalesPlan_CreatesThenReplaces_AndTheKpiReportsIt()
    {
        var manager = await InDbAsync(db => db.StaffUsers.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());
        var owner = GlobalId.Encode("StaffUser", manager);

        var created = await MutateAsync(SetSalesPlan, new { ownerId = owner, year = 2031, quarter = 3, target = new { amount = 40000, currency = "EUR" } });
        var replaced = await MutateAsync(SetSalesPlan, new { ownerId = owner, year = 2031, quarter = 3, target = new { amount = 50000, currency = "EUR" } });
        await MutateAsync(SetSalesPlan, new { year = 2031, quarter = 3, target = new { amount = 70000, currency = "EUR" } });
        var team = await MutateAsync(SetSalesPlan, new { year = 2031, quarter = 3, target = new { amount = 0, currency = "EUR" } }); // the team plan (no owner) replaced too
        var kpi = await KpiAsync("{ salesPlanKpi(year: 2031, quarter: 3) { manager targetMinor revenueMinor fulfilment } }");

        Assert.Empty(created["errors"]!.AsArray());
        Assert.Equal(1, (int)created["salesPlan"]!["version"]!);
        Assert.Equal(2, (int)replaced["salesPlan"]!["version"]!);
        Assert.Equal(50000, (long)replaced["salesPlan"]!["target"]!["amount"]!);
        Assert.Null(team["salesPlan"]!["ownerId"]);
        Assert.Equal(2, (int)team["salesPlan"]!["version"]!);
        Assert.Equal(2, await InDbAsync(db => db.SalesPlans.CountAsync(p => p.Year == 2031 && p.Quarter == 3)));
        Assert.Equal(
            """[{"manager":null,"targetMinor":0,"revenueMinor":0,"fulfilment":null},{"manager":"__OWNER__","targetMinor":50000,"revenueMinor":0,"fulfilment":0}]""".Replace("__OWNER__", owner),
            kpi["salesPlanKpi"]!.ToJsonString());
    }

    [Fact] // T8: five concurrent team upserts of one quarter end with one team plan (the losers of the insert race re-read and replace it)
    public async Task SetSalesPlan_ConcurrentTeamUpserts_LeaveOneTeamPlan()
    {
        var amounts = new long[] { 100, 200, 300, 400, 500 };

        var payloads = await Task.WhenAll(amounts.Select(amount =>
            MutateAsync(SetSalesPlan, new { year = 2034, quarter = 1, target = new { amount, currency = "EUR" } })));

        Assert.All(payloads, p => Assert.Empty(p["errors"]!.AsArray()));
        var plans = await InDbAsync(db => db.SalesPlans.Where(p => p.Year == 2034 && p.Quarter == 1 && p.OwnerId == null).ToListAsync());
        var plan = Assert.Single(plans);
        Assert.Contains(plan.TargetAmountMinor, amounts);
        Assert.Contains(payloads, p => (long)p["salesPlan"]!["target"]!["amount"]! == plan.TargetAmountMinor);
    }

    [Fact] // the filtered unique index itself: a second team plan of a quarter is refused by the database, a manager's plan beside it is not
    public async Task SecondTeamPlanOfAQuarter_IsRefusedByTheDatabase()
    {
        var manager = await InDbAsync(db => db.StaffUsers.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        db.SalesPlans.Add(new Platform.Domain.Kpis.SalesPlan { Year = 2034, Quarter = 2, TargetAmountMinor = 1, Currency = "EUR" });
        db.SalesPlans.Add(new Platform.Domain.Kpis.SalesPlan { Year = 2034, Quarter = 2, OwnerId = manager, TargetAmountMinor = 2, Currency = "EUR" });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        db.SalesPlans.Add(new Platform.Domain.Kpis.SalesPlan { Year = 2034, Quarter = 2, TargetAmountMinor = 3, Currency = "EUR" });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Theory] // each rule, with the field it names; nothing is saved
    [InlineData(5, 100, "EUR", null, "ValidationError:quarter")]
    [InlineData(0, 100, "EUR", null, "ValidationError:quarter")]
    [InlineData(4, -1, "EUR", null, "ValidationError:target")]
    [InlineData(4, 100, "eur", null, "ValidationError:target")]
    [InlineData(4, 100, "EURO", null, "ValidationError:target")]
    [InlineData(4, 100, "EUR", 999999L, "NotFoundError:")]
    public async Task SetSalesPlan_BadInput_IsASpecificErrorAndNothingIsSaved(int quarter, long amount, string currency, long? ownerId, string expected)
    {
        var owner = ownerId is { } id ? GlobalId.Encode("StaffUser", id) : null;

        var payload = await MutateAsync(SetSalesPlan, new { ownerId = owner, year = 2031, quarter, target = new { amount, currency } });

        Assert.Null(payload["salesPlan"]);
        Assert.Equal(expected.Replace("NotFoundError:", $"NotFoundError:{owner}"), Error(payload));
        Assert.Equal(0, await InDbAsync(db => db.SalesPlans.CountAsync(p => p.Year == 2031 && (p.Quarter == 4 || p.Quarter < 1 || p.Quarter > 4))));
    }

    [Fact] // O3: marketingKpi reports the plan and the recorded spend of the quarter (spend 3000 for 0 leads: ROI −100)
    public async Task MarketingPlanAndSpend_AreReportedByMarketingKpi()
    {
        var first = await MutateAsync(SetMarketingPlan, new { year = 2031, quarter = 3, channel = "PODCAST", targetLeads = 10, maxCostPerLead = new { amount = 500, currency = "EUR" } });
        var replaced = await MutateAsync(SetMarketingPlan, new { year = 2031, quarter = 3, channel = " PODCAST ", targetLeads = 12, maxCostPerLead = new { amount = 400, currency = "EUR" } });
        var spend = await MutateAsync(RecordSpend, new { channel = "PODCAST", periodStart = "2031-07-01T00:00:00Z", periodEnd = "2031-08-01T00:00:00Z", amount = new { amount = 3000, currency = "EUR" }, clicks = 40 });
        var kpi = await KpiAsync("{ marketingKpi(year: 2031, quarter: 3) { channel targetLeads leads spendMinor maxCostPerLeadMinor roi } }");

        Assert.Equal(1, (int)first["marketingPlan"]!["version"]!);
        Assert.Equal(2, (int)replaced["marketingPlan"]!["version"]!);
        Assert.Empty(spend["errors"]!.AsArray());
        Assert.Equal(40, (int)spend["marketingSpend"]!["clicks"]!);
        Assert.Equal("""[{"channel":"PODCAST","targetLeads":12,"leads":0,"spendMinor":3000,"maxCostPerLeadMinor":400,"roi":-100}]""", kpi["marketingKpi"]!.ToJsonString());
    }

    [Fact]
    public async Task MarketingPlanAndSpend_BadInput_IsASpecificErrorAndNothingIsSaved()
    {
        var plans = new[]
        {
            new { year = 2031, quarter = 4, channel = "web site", targetLeads = 1, amount = 1L, currency = "EUR" },
            new { year = 2031, quarter = 4, channel = "", targetLeads = 1, amount = 1L, currency = "EUR" },
            new { year = 2031, quarter = 4, channel = "WEBSITE", targetLeads = -1, amount = 1L, currency = "EUR" },
            new { year = 2031, quarter = 4, channel = "WEBSITE", targetLeads = 1, amount = -5L, currency = "EUR" },
            new { year = 1999, quarter = 4, channel = "WEBSITE", targetLeads = 1, amount = 1L, currency = "EUR" },
        };
        var planErrors = new List<string>();
        foreach (var p in plans)
            planErrors.Add(Error(await MutateAsync(SetMarketingPlan, new { p.year, p.quarter, p.channel, p.targetLeads, maxCostPerLead = new { p.amount, p.currency } })));
        var spendErrors = new List<string>
        {
            Error(await MutateAsync(RecordSpend, new { channel = "WEBSITE", periodStart = "2031-10-01T00:00:00Z", periodEnd = "2031-10-01T00:00:00Z", amount = new { amount = 1, currency = "EUR" } })),
            Error(await MutateAsync(RecordSpend, new { channel = "WEBSITE", periodStart = "2031-10-01T00:00:00Z", periodEnd = "2031-11-01T00:00:00Z", amount = new { amount = 1, currency = "X" } })),
            Error(await MutateAsync(RecordSpend, new { channel = "WEBSITE", periodStart = "2031-10-01T00:00:00Z", periodEnd = "2031-11-01T00:00:00Z", amount = new { amount = 1, currency = "EUR" }, clicks = -1 })),
            Error(await MutateAsync(RecordSpend, new { channel = "WEBSITE", landingPage = new string('p', 500), periodStart = "2031-10-01T00:00:00Z", periodEnd = "2031-11-01T00:00:00Z", amount = new { amount = 1, currency = "EUR" } })),
        };

        Assert.Equal(["ValidationError:channel", "ValidationError:channel", "ValidationError:targetLeads", "ValidationError:maxCostPerLead", "ValidationError:year"], planErrors);
        Assert.Equal(["ValidationError:periodEnd", "ValidationError:amount", "ValidationError:clicks", "ValidationError:landingPage"], spendErrors);
        Assert.Equal(0, await InDbAsync(db => db.MarketingPlans.CountAsync(p => p.Quarter == 4 && (p.Year == 2031 || p.Year == 1999))));
        Assert.Equal(0, await InDbAsync(db => db.MarketingSpends.CountAsync(s => s.PeriodStart >= new DateTime(2031, 10, 1, 0, 0, 0, DateTimeKind.Utc))));
    }
}

public sealed class DefaultPlanMutationTests(DefaultApi api) : PlanMutationTests<DefaultApi>(api), IClassFixture<DefaultApi>;

public sealed class PostgresPlanMutationTests(PostgresApi api) : PlanMutationTests<PostgresApi>(api), IClassFixture<PostgresApi>;
