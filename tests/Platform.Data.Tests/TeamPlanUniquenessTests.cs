using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data.Tests.Infrastructure;
using Platform.Domain.Kpis;
using Platform.Testing;

namespace Platform.Data.Tests;

/// <summary>
/// The migrated database keeps one team plan (no owner) per quarter (T8), so racing setSalesPlan calls cannot save
/// two.
/// </summary>
public abstract class TeamPlanUniquenessTests : IDisposable
{
    protected abstract string Provider { get; }

    protected abstract Task<string> CreateDatabaseAsync(string name);

    public virtual void Dispose() => GC.SuppressFinalize(this);

    [Fact]
    public async Task SecondTeamPlanOfAQuarter_IsRefusedByTheDatabase()
    {
        await using var services = TestServices.Build(Provider, await CreateDatabaseAsync("team_plan"), services =>
        {
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 3, 15, 10, 30, 0, TimeSpan.Zero)));
            services.AddScoped<ICurrentActor>(_ => new TestActor());
        });
        await services.MigrateDatabaseAsync();
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        db.SalesPlans.Add(new SalesPlan { Year = 2040, Quarter = 1, TargetAmountMinor = 100, Currency = "EUR" });
        db.SalesPlans.Add(new SalesPlan { Year = 2040, Quarter = 2, TargetAmountMinor = 200, Currency = "EUR" });
        await db.SaveChangesAsync();

        db.SalesPlans.Add(new SalesPlan { Year = 2040, Quarter = 1, TargetAmountMinor = 300, Currency = "EUR" });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}

/// <summary><see cref="TeamPlanUniquenessTests"/> on a SQLite file in a temporary directory.</summary>
public sealed class SqliteTeamPlanUniquenessTests : TeamPlanUniquenessTests
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

/// <summary><see cref="TeamPlanUniquenessTests"/> on a throwaway PostgreSQL database.</summary>
public sealed class PostgresTeamPlanUniquenessTests : TeamPlanUniquenessTests
{
    protected override string Provider => "Postgres";

    protected override Task<string> CreateDatabaseAsync(string name) => PostgresServer.CreateDatabaseAsync("data_" + name);
}
