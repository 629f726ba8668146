using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data.Tests.Infrastructure;
using Platform.DemoData;
using Platform.Testing;

namespace Platform.Data.Tests;

/// <summary>
/// The OrderDiscountByRule migration backfills the part of the discount each loyalty rule gave from the stored JSON
/// breakdown (BEST_SINGLE: the applied rule gave it all), so the discount KPI covers orders priced before it: the demo
/// data's parts, zeroed and rebuilt by migrating down and up again, come back as the seeder wrote them.
/// </summary>
public abstract class OrderDiscountBackfillTests : IDisposable
{
    protected abstract string Provider { get; }

    protected abstract Task<string> CreateDatabaseAsync(string name);

    public virtual void Dispose() => GC.SuppressFinalize(this);

    [Fact]
    public async Task Migration_BackfillsRulePartsFromTheBreakdown()
    {
        await using var services = TestServices.Build(Provider, await CreateDatabaseAsync("discount_backfill"), services =>
        {
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 3, 15, 10, 30, 0, TimeSpan.Zero)));
            services.AddScoped<ICurrentActor>(_ => new TestActor());
        });
        await services.MigrateDatabaseAsync();
        await DemoDataset.SeedIfEmptyAsync(services);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var seeded = await Parts(db);
        var migrations = db.Database.GetMigrations().ToList();
        // Later migrations may follow the backfill: step back to the one before it, then up again to the latest.
        var backfill = migrations.FindIndex(m => m.EndsWith("_OrderDiscountByRule", StringComparison.Ordinal));
        Assert.True(backfill > 0, "the OrderDiscountByRule migration exists");

        await db.GetService<IMigrator>().MigrateAsync(migrations[backfill - 1]);
        await db.GetService<IMigrator>().MigrateAsync(migrations[^1]);

        var rebuilt = await Parts(db);
        Assert.Contains(seeded, p => p.D1 > 0);
        // D3 and D4 use the same statement with their rule id; the demo data rarely reaches them.
        Assert.All(seeded, p => Assert.Equal(p.Discount, p.D1 + p.D3 + p.D4));
        Assert.Equal(seeded, rebuilt);
    }

    private static Task<List<(long Id, long Discount, long D1, long D3, long D4)>> Parts(PlatformDbContext db) =>
        db.Orders.AsNoTracking().OrderBy(o => o.Id)
            .Select(o => new { o.Id, o.DiscountAmountMinor, o.SingleReceiptDiscountMinor, o.TenureDiscountMinor, o.NthOrderDiscountMinor })
            .ToListAsync()
            .ContinueWith(t => t.Result.Select(o => (o.Id, o.DiscountAmountMinor, o.SingleReceiptDiscountMinor, o.TenureDiscountMinor, o.NthOrderDiscountMinor)).ToList());
}

/// <summary><see cref="OrderDiscountBackfillTests"/> on a SQLite file in a temporary directory.</summary>
public sealed class SqliteOrderDiscountBackfillTests : OrderDiscountBackfillTests
{
    private readonly TempDirectory _directory = new();

    protected override string Provider => "Sqlite";

    protected override Task<string> CreateDatabaseAsync(string name) =>
        Task.FromResult($"Data Source={Path.Combine(_directory.Path, name, "platform.db")}");

    public override void Dispose()
    {
        _directory.Dispose();
        base.Dispose();
    }
}

/// <summary><see cref="OrderDiscountBackfillTests"/> on a throwaway PostgreSQL database.</summary>
public sealed class PostgresOrderDiscountBackfillTests : OrderDiscountBackfillTests
{
    protected override string Provider => "Postgres";

    protected override Task<string> CreateDatabaseAsync(string name) => PostgresServer.CreateDatabaseAsync("data_" + name);
}
