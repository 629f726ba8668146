using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data.Tests.Infrastructure;
using Platform.Domain.Kpis;
using Platform.Testing;

namespace Platform.Data.Tests;

/// <summary>
/// The KpiIndexesAndTeamPlanUnique migration (T8): team plans (no owner) that racing setSalesPlan calls saved
/// twice for one quarter are reduced to the last saved one before the filtered unique index is created, so the
/// migration runs on such a database, and afterwards the database refuses a second team plan.
/// </summary>
public abstract class TeamPlanMigrationTests : IDisposable
{
    protected abstract string Provider { get; }

    protected abstract Task<string> CreateDatabaseAsync(string name);

    public virtual void Dispose() => GC.SuppressFinalize(this);

    [Fact]
    public async Task Migration_KeepsTheLastTeamPlanOfAQuarter_ThenTheIndexRefusesASecond()
    {
        await using var services = TestServices.Build(Provider, await CreateDatabaseAsync("team_plan"), services =>
        {
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 3, 15, 10, 30, 0, TimeSpan.Zero)));
            services.AddScoped<ICurrentActor>(_ => new TestActor());
        });
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var migrations = db.Database.GetMigrations().ToList();
        var index = migrations.FindIndex(m => m.EndsWith("_KpiIndexesAndTeamPlanUnique", StringComparison.Ordinal));
        Assert.True(index > 0, "the KpiIndexesAndTeamPlanUnique migration exists");
        await db.GetService<IMigrator>().MigrateAsync(migrations[index - 1]);
        foreach (var (quarter, target) in new[] { (1, 100L), (1, 200L), (2, 400L), (1, 300L) }) // saved in this order
        {
            db.SalesPlans.Add(new SalesPlan { Year = 2040, Quarter = quarter, TargetAmountMinor = target, Currency = "EUR" });
            await db.SaveChangesAsync();
        }
        db.ChangeTracker.Clear();

        await db.GetService<IMigrator>().MigrateAsync(migrations[^1]);

        var left = await db.SalesPlans.AsNoTracking().Where(p => p.Year == 2040).OrderBy(p => p.Quarter)
            .Select(p => new { p.Quarter, p.TargetAmountMinor }).ToListAsync();
        Assert.Equal(["1:300", "2:400"], left.Select(p => $"{p.Quarter}:{p.TargetAmountMinor}"));
        db.SalesPlans.Add(new SalesPlan { Year = 2040, Quarter = 2, TargetAmountMinor = 1, Currency = "EUR" });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}

/// <summary><see cref="TeamPlanMigrationTests"/> on a SQLite file in a temporary directory.</summary>
public sealed class SqliteTeamPlanMigrationTests : TeamPlanMigrationTests
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

/// <summary><see cref="TeamPlanMigrationTests"/> on a throwaway PostgreSQL database.</summary>
public sealed class PostgresTeamPlanMigrationTests : TeamPlanMigrationTests
{
    protected override string Provider => "Postgres";

    protected override Task<string> CreateDatabaseAsync(string name) => PostgresServer.CreateDatabaseAsync("data_" + name);
}
