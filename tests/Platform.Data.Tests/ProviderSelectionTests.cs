using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Platform.Data.Tests.Infrastructure;
using Platform.Testing;

namespace Platform.Data.Tests;

/// <summary>AddPlatformData picks the engine from the Database section and validates it.</summary>
public sealed class ProviderSelectionTests
{
    [Theory]
    [InlineData("Postgres", "Host=db;Database=platform", "Host=db;Database=platform;Timeout=5;Max Auto Prepare=100;No Reset On Close=True")]
    [InlineData("Postgres", "Host=db;Timeout=30;Max Auto Prepare=0;No Reset On Close=false", "Host=db;Timeout=30;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("SqlServer", "Server=db;Database=Platform", "Server=db;Database=Platform;Connect Timeout=5")]
    public void ServerConnectionStrings_GetAConnectTimeoutPreparedStatementsAndNoReset_UnlessTheyNameTheirOwn(string provider, string configured, string expected)
    {
        var options = new DatabaseOptions { Provider = provider, ConnectionString = configured };

        var resolved = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = options.ResolveConnectionString() };

        var wanted = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = expected };
        Assert.Equal(wanted.Keys.Cast<string>().Order(), resolved.Keys.Cast<string>().Order());
        Assert.All(wanted.Keys.Cast<string>(), key => Assert.Equal(wanted[key].ToString(), resolved[key].ToString()));
    }

    [Fact]
    public void AddPlatformData_NoSettings_UsesSqliteFileUnderContentRootData()
    {
        using var root = new TempDirectory();
        using var services = TestServices.Build(provider: null, connectionString: null, contentRoot: root.Path);
        using var scope = services.CreateScope();

        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        Assert.IsType<SqliteDbContext>(db);
        var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        Assert.Equal(Path.Combine(root.Path, "data", "platform.db"), dataSource);
        Assert.True(Directory.Exists(Path.Combine(root.Path, "data")));
    }

    [Fact]
    public void AddPlatformData_InHost_ResolvesSqliteFileAgainstHostContentRoot()
    {
        using var root = new TempDirectory();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = root.Path, DisableDefaults = true });
        builder.Services.AddPlatformData(builder.Configuration);
        using var host = builder.Build();
        using var scope = host.Services.CreateScope();

        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        Assert.Equal(Path.Combine(root.Path, "data", "platform.db"), dataSource);
    }

    [Theory]
    [InlineData("Postgres", "Host=localhost;Database=x", typeof(PostgresDbContext), "Npgsql.EntityFrameworkCore.PostgreSQL")]
    [InlineData("postgresql", "Host=localhost;Database=x", typeof(PostgresDbContext), "Npgsql.EntityFrameworkCore.PostgreSQL")]
    [InlineData("SqlServer", "Server=localhost;Database=x;TrustServerCertificate=true", typeof(SqlServerDbContext), "Microsoft.EntityFrameworkCore.SqlServer")]
    [InlineData("SQLITE", "Data Source=:memory:", typeof(SqliteDbContext), "Microsoft.EntityFrameworkCore.Sqlite")]
    public void AddPlatformData_Provider_ResolvesItsContext(string provider, string connectionString, Type contextType, string providerName)
    {
        using var services = TestServices.Build(provider, connectionString);
        using var scope = services.CreateScope();

        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        Assert.IsType(contextType, db);
        Assert.Equal(providerName, db.Database.ProviderName);
    }

    [Fact]
    public void AddPlatformData_UnknownProvider_FailsWithClearMessage()
    {
        using var services = TestServices.Build("Oracle", "Data Source=x");
        using var scope = services.CreateScope();

        var error = Assert.Throws<OptionsValidationException>(() => scope.ServiceProvider.GetRequiredService<PlatformDbContext>());

        Assert.Contains("Database:Provider 'Oracle' is not supported. Use one of: Sqlite (default), Postgres, SqlServer.", error.Message);
    }

    [Fact]
    public void AddPlatformData_ServerProviderWithoutConnectionString_FailsWithClearMessage()
    {
        using var services = TestServices.Build("Postgres", connectionString: null);
        using var scope = services.CreateScope();

        var error = Assert.Throws<OptionsValidationException>(() => scope.ServiceProvider.GetRequiredService<PlatformDbContext>());

        Assert.Contains("Database:ConnectionString is required when Database:Provider is Postgres.", error.Message);
    }

    [Fact]
    public async Task AddPlatformData_InvalidSettings_FailHostStartUp()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "Mongo" });
        builder.Services.AddPlatformData(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("'Mongo' is not supported", error.Message);
    }

    [Fact]
    public async Task AddPlatformData_InterceptorsInDi_SeeEveryCommand()
    {
        using var root = new TempDirectory();
        var recorder = new SqlStatementRecorder();
        await using var services = TestServices.Build("Sqlite", $"Data Source={root.File("x.db")}",
            s => s.AddSingleton<IInterceptor>(recorder));
        await services.MigrateDatabaseAsync();
        recorder.Clear();
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        _ = await db.PipelineStages.CountAsync();

        Assert.Single(recorder.Statements);
        Assert.Contains("FROM \"PipelineStages\"", recorder.Statements[0]);
    }

    [Fact]
    public void AddPlatformData_RegistrationsMadeBefore_AreKept()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        using var services = TestServices.Build(null, null, s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddScoped<ICurrentActor, TestActor>();
        });
        using var scope = services.CreateScope();

        Assert.Same(clock, scope.ServiceProvider.GetRequiredService<TimeProvider>());
        Assert.IsType<TestActor>(scope.ServiceProvider.GetRequiredService<ICurrentActor>());
    }
}
