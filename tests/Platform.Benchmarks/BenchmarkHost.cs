using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Api;
using Platform.Data;
using Platform.DemoData;

namespace Platform.Benchmarks;

/// <summary>An API node of the benchmark on loopback, and the demo data it is measured on.</summary>
internal static class BenchmarkHost
{
    /// <summary>
    /// The API on <paramref name="connectionString"/>, configured for load from one client (no cost budget, no form rate
    /// limit to speak of); <paramref name="settings"/> override or add to that.
    /// </summary>
    public static WebApplication Build(BenchmarkOptions options, string connectionString, IInterceptor sql, IReadOnlyDictionary<string, string?>? settings = null) =>
        // The API reads its appsettings.json from the content root: the build output, not the working directory.
        PlatformApp.Build(["--contentRoot", AppContext.BaseDirectory], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = options.Provider,
                ["Database:ConnectionString"] = connectionString,
                ["Logging:LogLevel:Default"] = "Warning",
                // All load comes from one OAuth client; its per-minute cost budget would throttle the run.
                ["GraphQL:Limits:CostBudgetPerMinute"] = "0",
                ["OAuth:RequireHttps"] = "false",
                ["OAuth:DevelopmentKeysDirectory"] = Path.Combine(Path.GetTempPath(), "platform-benchmark-keys"),
                ["Leads:Spool:Path"] = Path.Combine(Path.GetTempPath(), $"platform-bench-spool-{Guid.NewGuid():N}.db"),
                ["BulkExports:Folder"] = Path.Combine(Path.GetTempPath(), "platform-benchmark-exports"),
                // Measure the submit path, not the per-key form rate limit.
                ["Leads:RateLimitPermits"] = "1000000000",
                ["Kpis:Cache:Enabled"] = options.KpiCache ? "true" : "false",
                ["Kpis:Cache:MaxStalenessSeconds"] = options.KpiStaleness.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            if (settings is not null)
                builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Services.AddSingleton(sql);
        });

    /// <summary>Seeds <paramref name="leads"/> demo leads and gathers the statistics a live database has.</summary>
    public static async Task SeedDemoAsync(PlatformDbContext db, string provider, int leads)
    {
        await DemoDataset.SeedAsync(db, leads, DateTime.UtcNow);
        // Statistics as a live database has them (autovacuum would analyze soon): without them the planner plans for
        // empty tables and scans them, which no production server would do.
        await db.Database.ExecuteSqlRawAsync(provider == "Postgres" ? "VACUUM ANALYZE" : "ANALYZE");
    }
}
