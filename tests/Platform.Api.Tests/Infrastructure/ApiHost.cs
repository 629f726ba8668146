using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api;
using Platform.Data;
using Platform.Testing;

namespace Platform.Api.Tests.Infrastructure;

/// <summary>
/// The API on a real database (a temp SQLite file or a throwaway PostgreSQL database), seeded
/// with the deterministic demo data at a fixed clock, served over the ASP.NET Core test server.
/// Every SQL statement is recorded so tests can pin how many a request costs.
/// </summary>
public abstract class ApiHost : IAsyncLifetime
{
    /// <summary>The clock the demo data is generated at, so results are stable.</summary>
    public static readonly DateTime SeedTime = new(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    private WebApplication? _app;

    protected ApiHost(string provider) => Provider = provider;

    /// <summary>Sqlite, Postgres or SqlServer: the value of Database:Provider.</summary>
    public string Provider { get; }

    public SqlStatementRecorder Sql { get; } = new();

    /// <summary>The API's clock; tests that depend on "now" fix it.</summary>
    public TestClock Clock { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    protected virtual int DemoLeads => 60;

    /// <summary>Extra configuration of a host variant, e.g. another loyalty stacking policy.</summary>
    protected virtual void Configure(WebApplicationBuilder builder)
    {
    }

    public async Task InitializeAsync()
    {
        var connectionString = await CreateDatabaseAsync();
        _app = PlatformApp.Build([], builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Configuration["Database:Provider"] = Provider;
            builder.Configuration["Database:ConnectionString"] = connectionString;
            builder.Configuration["Database:SeedDemoData"] = "false";
            builder.Services.AddSingleton<IInterceptor>(Sql);
            builder.Services.AddSingleton<TimeProvider>(Clock);
            Configure(builder);
        });
        await _app.Services.MigrateAndSeedAsync(seedDemoData: false);
        await using (var scope = _app.Services.CreateAsyncScope())
            await DemoData.SeedAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), DemoLeads, SeedTime);
        await _app.StartAsync();
        Client = _app.GetTestClient();
        Sql.Clear();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }

    private async Task<string> CreateDatabaseAsync()
    {
        var external = Environment.GetEnvironmentVariable("PLATFORM_TEST_CONNECTION_STRING");
        if (external is not null && Environment.GetEnvironmentVariable("PLATFORM_TEST_PROVIDER") == Provider)
        {
            // A database of its own per host; the migrations create it.
            var builder = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = external };
            builder["Database"] = $"platform_test_{Guid.NewGuid():N}";
            return builder.ConnectionString;
        }
        return Provider switch
        {
            "Postgres" => await PostgresServer.CreateDatabaseAsync(GetType().Name),
            "Sqlite" => $"Data Source={Path.Combine(Path.GetTempPath(), $"platform-test-{Guid.NewGuid():N}.db")}",
            _ => throw new InvalidOperationException($"No test database for provider {Provider}; set PLATFORM_TEST_PROVIDER and PLATFORM_TEST_CONNECTION_STRING."),
        };
    }

    /// <summary>POSTs a GraphQL request and returns the parsed response body.</summary>
    public async Task<JsonObject> PostAsync(string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, variables }),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        using var response = await Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(body)?.AsObject() ?? throw new InvalidOperationException($"Empty response ({(int)response.StatusCode}).");
    }

    /// <summary>POSTs a query that must succeed and returns its <c>data</c>.</summary>
    public async Task<JsonObject> QueryAsync(string query, object? variables = null)
    {
        var result = await PostAsync(query, variables);
        Assert.True(result["errors"] is null, $"Unexpected errors: {result["errors"]?.ToJsonString(new JsonSerializerOptions { WriteIndented = true })}");
        return result["data"]!.AsObject();
    }
}

/// <summary>
/// The API on the default test database: a fresh SQLite file, or the provider named by
/// PLATFORM_TEST_PROVIDER (with PLATFORM_TEST_CONNECTION_STRING), e.g. SQL Server in Azure Pipelines.
/// </summary>
public sealed class DefaultApi() : ApiHost(Environment.GetEnvironmentVariable("PLATFORM_TEST_PROVIDER") ?? "Sqlite");

/// <summary>The API on a fresh database of the throwaway PostgreSQL server.</summary>
public sealed class PostgresApi() : ApiHost("Postgres");
