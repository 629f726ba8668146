using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data;

namespace Platform.Api.Tests.Deployment;

/// <summary><c>kpi-rollups rebuild</c>: the KPI day rollups recomputed from the leads, with progress, on an up-to-date database only.</summary>
public abstract class KpiRollupsCommandTests(string provider) : IAsyncLifetime
{
    private readonly EmptyDatabase _db = new(provider);

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Rebuild_WritesOneRowPerKey_AndTellsItsProgress()
    {
        Assert.Equal(0, await _db.RunAsync("Production", "migrate"));
        Assert.Equal(0, await _db.RunAsync("Production", "seed-demo", "--force"));
        _db.Output.GetStringBuilder().Clear();

        Assert.Equal(0, await _db.RunAsync("Production", "kpi-rollups", "rebuild"));

        await using var app = _db.Api("Production");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var rows = await db.LeadDayRollups.CountAsync();
        var keys = await db.LeadDayRollups.Select(r => new { r.Period, r.Day, r.Dimension, r.Value }).Distinct().CountAsync();
        var conversionRows = await db.LeadConversionRollups.CountAsync();
        var conversionKeys = await db.LeadConversionRollups.Select(r => new { r.Period, r.Day, r.Dimension, r.Value, r.Days }).Distinct().CountAsync();
        var orderRows = await db.OrderMonthRollups.CountAsync();
        var orderKeys = await db.OrderMonthRollups.Select(r => new { r.Month, r.Currency, r.ClientId }).Distinct().CountAsync();
        var revenueRows = await db.RevenueRollups.CountAsync();
        var revenueKeys = await db.RevenueRollups.Select(r => new { r.Period, r.Bucket, r.Currency, r.Dimension, r.Value }).Distinct().CountAsync();
        var output = _db.Output.ToString();
        Assert.Equal(keys, rows);
        Assert.Equal(conversionKeys, conversionRows);
        Assert.True(conversionRows > 0);
        Assert.Equal(orderKeys, orderRows);
        Assert.True(orderRows > 0);
        Assert.Equal(revenueKeys, revenueRows);
        Assert.True(revenueRows > 0);
        Assert.Contains("Rebuilding the lead day rollups from the leads…", output);
        Assert.Contains("Removed ", output);
        Assert.Contains("Channel: ", output);
        Assert.Contains("Partner: ", output);
        Assert.Contains("Rebuilding the order month rollups from the orders…", output);
        Assert.Contains("Rebuilding the revenue rollups from the orders…", output);
        Assert.Contains("Rebuilding the conversion-time histogram from the leads…", output);
        Assert.Contains($"Done: {rows + conversionRows + orderRows + revenueRows:N0} rows.", output);
        Assert.Empty(_db.Error.ToString());
    }

    [Fact]
    public async Task Rebuild_DatabaseBehindTheCode_IsRefused()
    {
        Assert.Equal(2, await _db.RunAsync("Production", "kpi-rollups", "rebuild"));

        Assert.Contains("Run the `migrate` command first", _db.Error.ToString());
    }

    [Fact]
    public async Task OtherArguments_PrintTheUsage()
    {
        Assert.Equal(2, await _db.RunAsync("Production", "kpi-rollups"));

        Assert.Equal("usage: kpi-rollups rebuild", _db.Error.ToString().Trim());
    }
}

public sealed class SqliteKpiRollupsCommandTests() : KpiRollupsCommandTests("Sqlite");

public sealed class PostgresKpiRollupsCommandTests() : KpiRollupsCommandTests("Postgres");
