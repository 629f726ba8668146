using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Data.Tests.Infrastructure;
using Platform.DemoData;
using Platform.Domain;
using Platform.Domain.Deals;
using Platform.Domain.Kpis;
using Platform.Domain.Leads;
using Platform.Testing;

namespace Platform.Data.Tests;

/// <summary>
/// Behaviour every real database must show: migrate from empty, seed, re-run safely, reject stale
/// writes, keep one team plan per quarter, stamp audit fields. Run against a temporary SQLite file and a throwaway PostgreSQL
/// database by the subclasses below.
/// </summary>
public abstract class DatabaseTests : IDisposable
{
    protected static readonly DateTimeOffset Now = new(2026, 3, 15, 10, 30, 0, TimeSpan.Zero);

    protected abstract string Provider { get; }

    protected abstract Task<string> CreateDatabaseAsync(string name);

    public virtual void Dispose() => GC.SuppressFinalize(this);

    private async Task<ServiceProvider> ServicesAsync(string name, FakeTimeProvider? clock = null, TestActor? actor = null) =>
        TestServices.Build(Provider, await CreateDatabaseAsync(name), services =>
        {
            services.AddSingleton<TimeProvider>(clock ?? new FakeTimeProvider(Now));
            services.AddScoped<ICurrentActor>(_ => actor ?? new TestActor());
        });

    // T8: racing setSalesPlan calls cannot save two team plans (no owner) of one quarter.
    [Fact]
    public async Task SecondTeamPlanOfAQuarter_IsRefusedByTheDatabase()
    {
        await using var services = await ServicesAsync("team_plan");
        await services.MigrateDatabaseAsync();
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        db.SalesPlans.Add(new SalesPlan { Year = 2040, Quarter = 1, TargetAmountMinor = 100, Currency = "EUR" });
        db.SalesPlans.Add(new SalesPlan { Year = 2040, Quarter = 2, TargetAmountMinor = 200, Currency = "EUR" });
        await db.SaveChangesAsync();

        db.SalesPlans.Add(new SalesPlan { Year = 2040, Quarter = 1, TargetAmountMinor = 300, Currency = "EUR" });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    // A new database has no migrations history yet: that is no failed command, and nothing is logged as an error.
    [Fact]
    public async Task Migrate_FromEmpty_LogsNoError()
    {
        var logs = new RecordingLoggerProvider();
        await using var services = TestServices.Build(Provider, await CreateDatabaseAsync("quiet"),
            services => services.AddLogging(logging => logging.AddProvider(logs)));

        Assert.NotEmpty(await services.PendingMigrationsAsync());
        await services.MigrateDatabaseAsync();

        Assert.Empty(await services.PendingMigrationsAsync());
        Assert.Contains(logs.Lines, line => line.StartsWith("Information Microsoft.EntityFrameworkCore.Database.Command", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Critical", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MigrateAndSeed_FromEmpty_CreatesSchemaAndDemoData()
    {
        await using var services = await ServicesAsync("seed");

        await services.MigrateDatabaseAsync();
        await DemoDataset.SeedIfEmptyAsync(services);

        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        Assert.Equal(DemoDataset.DefaultLeadCount, await db.Leads.CountAsync());
        Assert.Equal(8, await db.StaffUsers.CountAsync());
        Assert.Equal(3, await db.Partners.CountAsync());
        Assert.Equal(1, await db.LandingKeys.CountAsync());
        Assert.True(await db.Activities.CountAsync() > DemoDataset.DefaultLeadCount);
        Assert.True(await db.Clients.CountAsync() > 0);
        Assert.True(await db.Contacts.CountAsync() > 0);
        Assert.True(await db.Deals.CountAsync() > 0);
        Assert.True(await db.DealStageChanges.CountAsync() > 0);
        Assert.True(await db.Orders.CountAsync() > 0);
        Assert.True(await db.Payments.CountAsync() > 0);
        Assert.True(await db.ReferralCodes.CountAsync() > 0);
        Assert.True(await db.Referrals.CountAsync() > 0);
        Assert.True(await db.SalesPlans.CountAsync() > 0);
        Assert.True(await db.MarketingPlans.CountAsync() > 0);
        Assert.True(await db.MarketingSpends.CountAsync() > 0);
        Assert.Equal(1, await db.AuditLog.CountAsync());
        Assert.True(await db.Leads.AllAsync(l => l.CreatedAt <= Now.UtcDateTime));
    }

    [Fact]
    public async Task MigrateAndSeed_WithoutDemoData_HasDefaultPipelineOnly()
    {
        await using var services = await ServicesAsync("pipeline");

        await services.MigrateDatabaseAsync();

        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var pipeline = await db.Pipelines.Include(p => p.Stages).SingleAsync();
        Assert.True(pipeline.IsDefault);
        Assert.Equal(DefaultPipeline.PipelineId, pipeline.Id);
        Assert.Equal(PipelineStageCodes.Default, pipeline.Stages.OrderBy(s => s.Position).Select(s => s.Code));
        Assert.True(pipeline.Stages.Single(s => s.Code == PipelineStageCodes.Won).IsWon);
        Assert.True(pipeline.Stages.Single(s => s.Code == PipelineStageCodes.Lost).IsLost);
        Assert.True(pipeline.Stages.Single(s => s.Code == PipelineStageCodes.StartOfWorkAgreed).RequiresAgreedTerms);
        Assert.Equal(0, await db.Leads.CountAsync());
    }

    [Fact]
    public async Task MigrateAndSeed_SecondRun_DoesNotDuplicateData()
    {
        await using var services = await ServicesAsync("rerun");
        await services.MigrateDatabaseAsync();
        await DemoDataset.SeedIfEmptyAsync(services);
        var before = await CountsAsync(services);

        await services.MigrateDatabaseAsync();
        await DemoDataset.SeedIfEmptyAsync(services);

        Assert.Equal(before, await CountsAsync(services));
    }

    [Fact]
    public async Task Pipelines_AfterSeededDefault_NewRowsGetFreshIds()
    {
        await using var services = await ServicesAsync("identity");
        await services.MigrateDatabaseAsync();
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var pipeline = new Pipeline { Name = "Key accounts" };
        pipeline.Stages.Add(new PipelineStage { Code = "NEW", Name = "New", Position = 1 });
        pipeline.Stages.Add(new PipelineStage { Code = "WON", Name = "Won", Position = 2, IsWon = true });

        db.Pipelines.Add(pipeline);
        await db.SaveChangesAsync();

        Assert.True(pipeline.Id > DefaultPipeline.PipelineId);
        Assert.All(pipeline.Stages, s => Assert.True(s.Id > 8));
    }

    [Fact]
    public async Task Concurrency_TwoWritersOfOneLead_SecondGetsDbUpdateConcurrencyException()
    {
        await using var services = await ServicesAsync("concurrency");
        await services.MigrateDatabaseAsync();
        var id = await AddLeadAsync(services);
        using var first = services.CreateScope();
        using var second = services.CreateScope();
        var db1 = first.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var db2 = second.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var lead1 = await db1.Leads.SingleAsync(l => l.Id == id);
        var lead2 = await db2.Leads.SingleAsync(l => l.Id == id);

        lead1.Temperature = LeadTemperature.Hot;
        lead2.Temperature = LeadTemperature.Cold;
        await db1.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db2.SaveChangesAsync());
        using var check = services.CreateScope();
        var stored = await check.ServiceProvider.GetRequiredService<PlatformDbContext>().Leads.SingleAsync(l => l.Id == id);
        Assert.Equal(LeadTemperature.Hot, stored.Temperature);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task Concurrency_StaleVersionFromCaller_IsRejected()
    {
        await using var services = await ServicesAsync("stale");
        await services.MigrateDatabaseAsync();
        var id = await AddLeadAsync(services);
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            (await db.Leads.SingleAsync(l => l.Id == id)).TouchCount = 1;
            await db.SaveChangesAsync(); // now version 2
        }

        using var stale = services.CreateScope();
        var staleDb = stale.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var lead = await staleDb.Leads.SingleAsync(l => l.Id == id);
        staleDb.Entry(lead).Property(l => l.Version).OriginalValue = 1; // the version the caller saw
        lead.TouchCount = 5;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => staleDb.SaveChangesAsync());
    }

    [Fact]
    public async Task AuditStamp_InsertAndUpdate_StampTimeActorAndVersion()
    {
        var clock = new FakeTimeProvider(Now);
        var actor = new TestActor { Name = "anna@test" };
        await using var services = await ServicesAsync("stamps", clock, actor);
        await services.MigrateDatabaseAsync();

        var id = await AddLeadAsync(services);
        clock.Advance(TimeSpan.FromMinutes(90));
        actor.Name = "boris@test";
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var lead = await db.Leads.SingleAsync(l => l.Id == id);
            lead.StartWork();
            await db.SaveChangesAsync();
        }

        using var read = services.CreateScope();
        var stored = await read.ServiceProvider.GetRequiredService<PlatformDbContext>().Leads.AsNoTracking().SingleAsync(l => l.Id == id);
        Assert.Equal(Now.UtcDateTime, stored.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, stored.CreatedAt.Kind);
        Assert.Equal(Now.UtcDateTime.AddMinutes(90), stored.UpdatedAt);
        Assert.Equal(DateTimeKind.Utc, stored.UpdatedAt.Kind);
        Assert.Equal("anna@test", stored.CreatedBy);
        Assert.Equal("boris@test", stored.UpdatedBy);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task AuditStamp_EveryUpdate_IncrementsVersion()
    {
        await using var services = await ServicesAsync("versions");
        await services.MigrateDatabaseAsync();
        var id = await AddLeadAsync(services);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var lead = await db.Leads.SingleAsync(l => l.Id == id);
        var versions = new List<int> { lead.Version };

        for (var i = 1; i <= 3; i++)
        {
            lead.TouchCount = i;
            await db.SaveChangesAsync();
            versions.Add(lead.Version);
        }

        await db.SaveChangesAsync(); // nothing changed: no new version
        versions.Add(lead.Version);
        Assert.Equal([1, 2, 3, 4, 4], versions);
    }

    [Fact]
    public async Task AuditLog_NewEntry_GetsTimeAndActor()
    {
        await using var services = await ServicesAsync("auditlog");
        await services.MigrateDatabaseAsync();
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        db.AuditLog.Add(new Domain.Auditing.AuditLogEntry { Operation = "submitLead", TargetIds = "1" });
        await db.SaveChangesAsync();

        var entry = await db.AuditLog.AsNoTracking().SingleAsync();
        Assert.Equal(Now.UtcDateTime, entry.At);
        Assert.Equal("anna@test", entry.Actor);
        Assert.Equal("crm-web", entry.ClientId);
    }

    [Fact]
    public async Task IdempotencyKey_SameSourceTwice_IsRejectedByTheDatabase()
    {
        await using var services = await ServicesAsync("idempotency");
        await services.MigrateDatabaseAsync();
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        db.Leads.Add(new Lead { FirstName = "A", Phone = "+1", SubmissionSource = "landing:x", IdempotencyKey = "k1" });
        db.Leads.Add(new Lead { FirstName = "B", Phone = "+2", SubmissionSource = "landing:y", IdempotencyKey = "k1" });
        db.Leads.Add(new Lead { FirstName = "C", Phone = "+3" });
        db.Leads.Add(new Lead { FirstName = "D", Phone = "+4" });
        await db.SaveChangesAsync();

        db.Leads.Add(new Lead { FirstName = "E", Phone = "+5", SubmissionSource = "landing:x", IdempotencyKey = "k1" });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task DateTimes_DatePartsAndRanges_TranslateToSql()
    {
        await using var services = await ServicesAsync("dateparts");
        await services.MigrateDatabaseAsync();
        await DemoDataset.SeedIfEmptyAsync(services);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var from = Now.UtcDateTime.AddDays(-90);

        var perMonth = await db.Leads
            .Where(l => l.CreatedAt >= from)
            .GroupBy(l => new { l.CreatedAt.Year, l.CreatedAt.Month, l.Channel })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.Channel, Count = g.Count() })
            .ToListAsync();
        var expected = await db.Leads.CountAsync(l => l.CreatedAt >= from);

        Assert.Equal(expected, perMonth.Sum(x => x.Count));
        Assert.All(perMonth, x => Assert.InRange(x.Month, 1, 12));
        var lead = await db.Leads.OrderBy(l => l.CreatedAt).ThenBy(l => l.Id).FirstAsync(l => l.CreatedAt >= from);
        Assert.Equal(DateTimeKind.Utc, lead.CreatedAt.Kind);
        Assert.True(lead.CreatedAt >= from);
    }

    [Fact]
    public async Task PooledContexts_OneCallerAfterAnother_EachSeesOnlyWhatTheirKindAllows()
    {
        var actor = new TestActor();
        await using var services = await ServicesAsync("pooled", actor: actor);
        await services.MigrateDatabaseAsync();
        long[] partners = [await AddPartnerAsync(services, "North"), await AddPartnerAsync(services, "South")];
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            db.Leads.AddRange(partners.Select((p, i) => new Lead { FirstName = "Lead", Phone = $"+3736000010{i}", Channel = LeadChannels.LandingPage, PartnerId = p }));
            await db.SaveChangesAsync();
        }

        // Each scope returns its context to the pool; the next caller of the same kind gets it back.
        foreach (var (partner, expectedLeads) in new (long?, int)[] { (null, 2), (partners[0], 1), (partners[1], 1), (null, 2), (partners[0], 1) })
        {
            actor.PartnerId = partner;
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

            var leads = await db.Leads.Select(l => l.PartnerId).ToListAsync();

            Assert.Equal(expectedLeads, leads.Count);
            Assert.All(leads, p => Assert.True(partner is null || p == partner));
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Context_WhoseCallerChangesKindAfterItWasGiven_RefusesToQuery(bool becomesPartner)
    {
        var actor = new TestActor();
        await using var services = await ServicesAsync("guard", actor: actor);
        await services.MigrateDatabaseAsync();
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        if (becomesPartner)
            actor.PartnerId = 7;
        else
            actor.LeadOwnerId = 3;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Leads.ToListAsync());
        Assert.Contains("caller", error.Message);
    }

    private static async Task<long> AddPartnerAsync(IServiceProvider services, string name)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var partner = new Platform.Domain.Referrals.Partner { Name = name };
        db.Partners.Add(partner);
        await db.SaveChangesAsync();
        return partner.Id;
    }

    private static async Task<long> AddLeadAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var lead = new Lead { FirstName = "Maria", Phone = "+37360000001", Channel = LeadChannels.LandingPage };
        db.Leads.Add(lead);
        await db.SaveChangesAsync();
        Assert.Equal(1, lead.Version);
        return lead.Id;
    }

    private static async Task<string> CountsAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return string.Join(", ",
            $"leads {await db.Leads.CountAsync()}", $"staff {await db.StaffUsers.CountAsync()}",
            $"activities {await db.Activities.CountAsync()}", $"clients {await db.Clients.CountAsync()}",
            $"deals {await db.Deals.CountAsync()}", $"orders {await db.Orders.CountAsync()}",
            $"partners {await db.Partners.CountAsync()}", $"pipelines {await db.Pipelines.CountAsync()}",
            $"stages {await db.PipelineStages.CountAsync()}", $"plans {await db.SalesPlans.CountAsync()}");
    }
}

/// <summary><see cref="DatabaseTests"/> on a SQLite file in a temporary directory.</summary>
public sealed class SqliteDatabaseTests : DatabaseTests
{
    private readonly TempDirectory _directory = new();

    protected override string Provider => "Sqlite";

    // A sub-directory that does not exist yet: MigrateAndSeed must create it and the file.
    protected override Task<string> CreateDatabaseAsync(string name) =>
        Task.FromResult($"Data Source={Path.Combine(_directory.Path, name, "platform.db")}");

    public override void Dispose()
    {
        _directory.Dispose();
        base.Dispose();
    }
}

/// <summary><see cref="DatabaseTests"/> on a throwaway PostgreSQL database.</summary>
public sealed class PostgresDatabaseTests : DatabaseTests
{
    protected override string Provider => "Postgres";

    protected override Task<string> CreateDatabaseAsync(string name) => PostgresServer.CreateDatabaseAsync("data_" + name);
}
