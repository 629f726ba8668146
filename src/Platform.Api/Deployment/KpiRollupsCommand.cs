using System.Data.Common;
using Platform.Api.Kpis;
using Platform.Data;

namespace Platform.Api.Deployment;

/// <summary>
/// <c>dotnet run --project src/Platform.Api -- kpi-rollups rebuild</c>: recomputes the KPI rollups from the leads and
/// the orders (after rows were written around the API, e.g. by a bulk load, or to compact the rows every change appends), telling
/// its progress per table and dimension. The API may keep serving meanwhile: changes committed during the rebuild are counted once.
/// </summary>
public static class KpiRollupsCommand
{
    /// <summary>Runs <c>kpi-rollups</c> and returns its exit code; null when <paramref name="args"/> is another command.</summary>
    public static async Task<int?> TryRunAsync(string[] args, AdminConsole console)
    {
        if (args is not ["kpi-rollups", ..])
            return null;
        if (args is not ["kpi-rollups", "rebuild"])
            return console.Fail("usage: kpi-rollups rebuild");

        await using var app = console.Build();
        var output = console.Output;
        output.WriteLine($"Database: {DatabaseDescription.Of(app.Services)}");
        if (await DatabaseStartup.PrepareForCommandAsync(app, output) is { } behind)
            return console.Fail(behind);
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            output.WriteLine("Rebuilding the lead day rollups from the leads…");
            var rows = await LeadDayRollups.RebuildAsync(db, output.WriteLine);
            output.WriteLine("Rebuilding the conversion-time histogram from the leads…");
            rows += await LeadConversionRollups.RebuildAsync(db, output.WriteLine);
            output.WriteLine("Rebuilding the order month rollups from the orders…");
            rows += await OrderMonthRollups.RebuildAsync(db, output.WriteLine);
            output.WriteLine("Rebuilding the revenue rollups from the orders…");
            rows += await RevenueRollups.RebuildAsync(db, output.WriteLine);
            output.WriteLine($"Done: {rows:N0} rows.");
            return 0;
        }
        catch (DbException e)
        {
            return console.Fail($"Rebuilding failed: {e.Message}");
        }
    }
}
