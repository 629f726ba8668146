using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Platform.Domain;

namespace Platform.Data.Tests;

/// <summary>The model and the migrations of every provider agree, without a database.</summary>
public sealed class MigrationTests
{
    public static TheoryData<string> Providers => ["Sqlite", "Postgres", "SqlServer"];

    internal static PlatformDbContext DesignTimeContext(string provider) => provider switch
    {
        "Sqlite" => new SqliteDesignTimeFactory().CreateDbContext([]),
        "Postgres" => new PostgresDesignTimeFactory().CreateDbContext([]),
        "SqlServer" => new SqlServerDesignTimeFactory().CreateDbContext([]),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public void Migrations_HaveNoPendingModelChanges(string provider)
    {
        using var db = DesignTimeContext(provider);

        var pending = db.Database.HasPendingModelChanges();

        Assert.False(pending,
            $"The {provider} model has changes that no migration covers. Run scripts/add-migration.sh <Name> "
            + "to add a migration for all three providers, and commit the generated files.");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Migrations_StartWithInitial(string provider)
    {
        using var db = DesignTimeContext(provider);

        var migrations = db.Database.GetMigrations().ToList();

        Assert.NotEmpty(migrations);
        Assert.EndsWith("_Initial", migrations[0]);
    }

    [Fact]
    public void Migrations_SqlServerScript_CreatesEveryTable()
    {
        using var db = DesignTimeContext("SqlServer");

        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.False(string.IsNullOrWhiteSpace(script));
        Assert.Contains("CREATE TABLE [Leads]", script);
        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).Distinct())
        {
            Assert.Contains($"CREATE TABLE [{table}]", script);
        }

        // The default pipeline is part of the schema (model seed data).
        Assert.Contains("START_OF_WORK_AGREED", script);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Model_EveryEntityHasVersionConcurrencyToken(string provider)
    {
        using var db = DesignTimeContext(provider);

        var entities = db.Model.GetEntityTypes().Where(e => typeof(Entity).IsAssignableFrom(e.ClrType)).ToList();

        Assert.Equal(27, entities.Count);
        Assert.All(entities, e => Assert.True(e.FindProperty(nameof(Entity.Version))!.IsConcurrencyToken, e.DisplayName()));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Model_EnumsAreStoredAsBoundedStrings(string provider)
    {
        using var db = DesignTimeContext(provider);

        var enums = db.Model.GetEntityTypes().SelectMany(e => e.GetProperties())
            .Where(p => (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType).IsEnum)
            .ToList();

        Assert.NotEmpty(enums);
        Assert.All(enums, p =>
        {
            Assert.Equal(typeof(string), p.GetTypeMapping().Converter?.ProviderClrType);
            Assert.Equal(40, p.GetMaxLength());
        });
    }

    [Fact]
    public void Model_StringColumnsAreBounded_ExceptJsonAndLongText()
    {
        using var db = DesignTimeContext("SqlServer");
        string[] unbounded =
        [
            "Lead.EstimateParameters", "Lead.TargetCriteria", "Activity.Agreements", "Interest.Payload",
            "Order.DiscountBreakdown", "AuditLogEntry.Details", "BulkExport.Filter",
        ];

        // OpenIddict's tables (OAuth clients, tokens) and Identity's (staff accounts) are the libraries' schemas, as they ship.
        var actual = db.Model.GetEntityTypes()
            .Where(e => !e.ClrType.Namespace!.StartsWith("OpenIddict", StringComparison.Ordinal)
                && !e.ClrType.Namespace.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal))
            .SelectMany(e => e.GetProperties())
            .Where(p => p.ClrType == typeof(string) && p.GetMaxLength() is null)
            .Select(p => $"{p.DeclaringType.ClrType.Name}.{p.Name}")
            .Order()
            .ToList();

        Assert.Equal(unbounded.Order(), actual);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Model_MoneyIsMinorUnitsAndCurrencyCode(string provider)
    {
        using var db = DesignTimeContext(provider);
        var properties = db.Model.GetEntityTypes().SelectMany(e => e.GetProperties()).ToList();

        Assert.DoesNotContain(properties, p => p.ClrType == typeof(Money) || p.ClrType == typeof(Money?) || p.ClrType == typeof(decimal));
        Assert.All(properties.Where(p => p.Name == "Currency"), p =>
        {
            Assert.Equal(3, p.GetMaxLength());
            Assert.True(p.IsFixedLength());
            Assert.False(p.IsNullable);
        });
    }

    [Fact]
    public void DefaultPipeline_IsSeededByTheModel()
    {
        using var db = DesignTimeContext("Sqlite");

        var stages = db.GetService<IDesignTimeModel>().Model.FindEntityType(typeof(Domain.Deals.PipelineStage))!.GetSeedData()
            .OrderBy(s => (int)s["Position"]!)
            .Select(s => (string)s["Code"]!)
            .ToList();

        Assert.Equal(Domain.Deals.PipelineStageCodes.Default, stages);
        Assert.Equal(5, DefaultPipeline.StageId(Domain.Deals.PipelineStageCodes.StartOfWorkAgreed));
    }
}
