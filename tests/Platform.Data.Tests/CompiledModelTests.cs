using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data.Tests.Infrastructure;

namespace Platform.Data.Tests;

/// <summary>
/// The compiled model of each provider (<c>CompiledModels/</c>, which unrestricted contexts load instead of building) is
/// the model the code builds: a model change without <c>scripts/compile-models.sh</c> fails here, not in production.
/// </summary>
public sealed class CompiledModelTests
{
    public static TheoryData<string> Providers => ["Sqlite", "Postgres", "SqlServer"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void CompiledModel_IsTheModelTheCodeBuilds(string provider)
    {
        using var db = MigrationTests.DesignTimeContext(provider);

        var built = Describe(db.Model);
        using var compiledDb = CompiledContext(provider);
        var compiled = Describe(compiledDb.Model);

        Assert.True(built.SequenceEqual(compiled),
            $"The compiled {provider} model is stale; run scripts/compile-models.sh and commit the generated files. Differences:\n"
            + string.Join("\n", built.Except(compiled).Select(l => "built:    " + l).Concat(compiled.Except(built).Select(l => "compiled: " + l)).Take(20)));
    }

    [Fact]
    public void Describe_TellsAColumnTypeApart()
    {
        using var sqlite = MigrationTests.DesignTimeContext("Sqlite");
        using var postgres = MigrationTests.DesignTimeContext("Postgres");

        Assert.NotEqual(Describe(sqlite.Model), Describe(postgres.Model));
    }

    [Fact]
    public void UnrestrictedContexts_UseTheCompiledModel_FilteredOnesTheBuiltModel()
    {
        using var root = new TempDirectory();
        using var services = TestServices.Build(provider: null, connectionString: null, contentRoot: root.Path);

        using var unrestricted = services.CreatePlatformDbContext(new SystemActor());
        using var partner = services.CreatePlatformDbContext(new TestActor { PartnerId = 1 });
        using var manager = services.CreatePlatformDbContext(new TestActor { LeadOwnerId = 7 });

        Assert.Same(CompiledModels.Sqlite.SqliteDbContextModel.Instance, unrestricted.Model);
        Assert.NotSame(unrestricted.Model, partner.Model);
        Assert.NotSame(unrestricted.Model, manager.Model);
    }

    /// <summary>A context of the design-time factory's provider settings on the compiled model (EF Core readies it for use).</summary>
    private static PlatformDbContext CompiledContext(string provider) => provider switch
    {
        "Sqlite" => new SqliteDbContext(new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite("Data Source=design-time.db")
            .UseModel(CompiledModels.Sqlite.SqliteDbContextModel.Instance).Options),
        "Postgres" => new PostgresDbContext(new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql("Host=localhost;Database=platform_design_time")
            .UseModel(CompiledModels.Postgres.PostgresDbContextModel.Instance).Options),
        "SqlServer" => new SqlServerDbContext(new DbContextOptionsBuilder<SqlServerDbContext>().UseSqlServer("Server=localhost;Database=PlatformDesignTime")
            .UseModel(CompiledModels.SqlServer.SqlServerDbContextModel.Instance).Options),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    /// <summary>One line per table mapping, column, key, foreign key, navigation and index: what queries and writes depend on.</summary>
    private static List<string> Describe(IModel model)
    {
        var lines = new List<string>();
        foreach (var entity in model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var name = entity.Name;
            lines.Add($"{name}: table {entity.GetSchema()}.{entity.GetTableName()}, base {entity.BaseType?.Name}, discriminator {entity.GetDiscriminatorValue()}, {Annotations(entity)}");
            foreach (var p in entity.GetDeclaredProperties())
            {
                var mapping = p.GetRelationalTypeMapping();
                lines.Add($"{name}.{p.Name}: {p.ClrType} as {p.GetColumnName()} {p.GetColumnType()}, nullable {p.IsNullable}, "
                    + $"max {p.GetMaxLength()}, fixed {p.IsFixedLength()}, unicode {p.IsUnicode()}, precision {p.GetPrecision()},{p.GetScale()}, "
                    + $"converter {mapping.Converter?.GetType()} to {mapping.Converter?.ProviderClrType}, comparer {p.GetValueComparer().Type}, "
                    + $"generated {p.ValueGenerated}, concurrency {p.IsConcurrencyToken}, default {p.GetDefaultValueSql()}|{p.GetDefaultValue()}, "
                    + $"computed {p.GetComputedColumnSql()}, field {p.FieldInfo?.Name}, shadow {p.IsShadowProperty()}, {Annotations(p)}");
            }

            lines.AddRange(entity.GetDeclaredKeys().Select(k => $"{name} key {k.GetName()}: {Names(k.Properties)}, primary {k.IsPrimaryKey()}"));
            lines.AddRange(entity.GetDeclaredForeignKeys().Select(fk =>
                $"{name} foreign key {fk.GetConstraintName()}: {Names(fk.Properties)} -> {fk.PrincipalEntityType.Name} {Names(fk.PrincipalKey.Properties)}, "
                + $"required {fk.IsRequired}, unique {fk.IsUnique}, delete {fk.DeleteBehavior}, ownership {fk.IsOwnership}"));
            lines.AddRange(entity.GetDeclaredNavigations().Select(n => $"{name} navigation {n.Name}: {n.TargetEntityType.Name}, collection {n.IsCollection}"));
            lines.AddRange(entity.GetDeclaredSkipNavigations().Select(n => $"{name} skip navigation {n.Name}: {n.TargetEntityType.Name}"));
            lines.AddRange(entity.GetDeclaredIndexes().Select(i => $"{name} index {i.GetDatabaseName()}: {Names(i.Properties)}, unique {i.IsUnique}, filter {i.GetFilter()}"));
        }

        lines.AddRange(model.GetSequences().Select(s => $"sequence {s.Schema}.{s.Name}: {s.Type}, start {s.StartValue}, by {s.IncrementBy}"));
        return lines;
    }

    private static string Annotations(IAnnotatable annotatable) =>
        string.Join(", ", annotatable.GetAnnotations().OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => $"{a.Name}={a.Value}"));

    private static string Names(IEnumerable<IReadOnlyProperty> properties) => string.Join(",", properties.Select(p => p.Name));
}
