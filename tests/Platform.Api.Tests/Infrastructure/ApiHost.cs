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
using Platform.Api.Demo;
using Platform.Api.Security;
using Platform.Data;
using Platform.DemoData;
using Platform.Testing;

namespace Platform.Api.Tests.Infrastructure;

/// <summary>
/// The API on a real database (a temp SQLite file or a throwaway PostgreSQL database), seeded
/// with the deterministic demo data at a fixed clock, served over the ASP.NET Core test server.
/// Every SQL statement is recorded so tests can pin how many a request costs. <see cref="Client"/> calls the API
/// with a real access token of the demo integration client (full CRM scopes) from the real token endpoint;
/// <see cref="Anonymous"/> sends none, and <see cref="ClientForAsync"/> gives one for any other client.
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

    /// <summary>Calls the API as the demo integration client (<c>crm:read</c>, <c>crm:write</c>).</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>Calls the API without a token.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    protected virtual int DemoLeads => 60;

    /// <summary>The host this one joins as a second API node: the same database and signing keys, nothing seeded again.</summary>
    protected virtual ApiHost? NodeOf => null;

    /// <summary>The host's spool file: its own unless it takes over another node's (a restart of that node).</summary>
    public string SpoolPath { get; init; } = Path.Combine(Path.GetTempPath(), $"platform-test-spool-{Guid.NewGuid():N}.db");

    /// <summary>Whether <see cref="Client"/> gets its token at start (a node started during an outage cannot).</summary>
    protected virtual bool GetsClientAtStart => true;

    /// <summary>The connection string of the host's database.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>Whether the host listens on a loopback port (for a real browser) instead of the in-memory test server.</summary>
    protected virtual bool ListensOnLoopback => false;

    /// <summary>The address of the host's loopback listener, when it has one.</summary>
    public Uri? Address { get; private set; }

    /// <summary>Extra configuration of a host variant, e.g. another loyalty stacking policy.</summary>
    protected virtual void Configure(WebApplicationBuilder builder)
    {
    }

    public async Task InitializeAsync()
    {
        var connectionString = ConnectionString = NodeOf?.ConnectionString ?? await CreateDatabaseAsync();
        var keysDirectory = NodeOf?._keysDirectory ?? _keysDirectory;
        _app = PlatformApp.Build([], builder =>
        {
            if (ListensOnLoopback)
                builder.WebHost.UseUrls("http://127.0.0.1:0");
            else
                builder.WebHost.UseTestServer();
            builder.Configuration["Database:Provider"] = Provider;
            builder.Configuration["Database:ConnectionString"] = connectionString;
            builder.Configuration["OAuth:RequireHttps"] = "false";
            builder.Configuration["OAuth:DevelopmentKeysDirectory"] = keysDirectory;
            builder.Configuration["Leads:Spool:Path"] = SpoolPath;
            // Clients are checked on every token (RevokedClientCheck); a long interval keeps that lookup out of pinned SQL.
            builder.Configuration["OAuth:ClientCheckInterval"] = "01:00:00";
            // Webhook tests run the dispatcher's rounds themselves, against receivers on this machine.
            builder.Configuration["Webhooks:RunDispatcher"] = "false";
            builder.Configuration["Webhooks:AllowLoopbackReceivers"] = "true";
            builder.Configuration["Webhooks:Timeout"] = "00:00:02";
            // Export tests run the export rounds themselves; the nodes of one database share the export folder.
            builder.Configuration["BulkExports:RunInBackground"] = "false";
            builder.Configuration["BulkExports:Folder"] = NodeOf?.ExportsFolder ?? ExportsFolder;
            builder.Configuration["Imports:RunInBackground"] = "false";
            builder.Services.AddSingleton<IInterceptor>(Sql);
            builder.Services.AddSingleton<TimeProvider>(Clock);
            Configure(builder);
        });
        if (NodeOf is null)
        {
            await _app.Services.MigrateDatabaseAsync();
            await using (var scope = _app.Services.CreateAsyncScope())
                await DemoDataset.SeedAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), DemoLeads, SeedTime);
            await DemoClientRegistration.AddMissingAsync(_app.Services);
        }
        await _app.StartAsync();
        if (ListensOnLoopback)
            Address = new Uri(_app.Urls.First());
        Anonymous = NewClient();
        if (GetsClientAtStart)
            Client = await ClientForAsync(DemoClients.Integration);
        Sql.Clear();
    }

    /// <summary>
    /// Stops the node as its process does on SIGTERM (the host's graceful stop, then its end), leaving its database and
    /// spool file to a node that takes over.
    /// </summary>
    public async Task StopNodeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        _app = null;
    }

    public virtual async Task DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
        if (Directory.Exists(_keysDirectory))
            Directory.Delete(_keysDirectory, recursive: true);
        if (Directory.Exists(ExportsFolder))
            Directory.Delete(ExportsFolder, recursive: true);
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(SpoolPath + suffix);
    }

    /// <summary>The folder export files are written to.</summary>
    public string ExportsFolder { get; } = Path.Combine(Path.GetTempPath(), $"platform-test-exports-{Guid.NewGuid():N}");

    /// <summary>The host's development keys folder (the server generates its keys there).</summary>
    private readonly string _keysDirectory = Path.Combine(Path.GetTempPath(), $"platform-test-keys-{Guid.NewGuid():N}");

    /// <summary>Gets an access token from the token endpoint with client credentials; <paramref name="scope"/> null asks for all of the client's scopes.</summary>
    public async Task<string> TokenAsync(string clientId, string? secret = null, string? scope = null)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret ?? DemoClients.SecretOf(clientId),
        };
        if (scope is not null)
            form["scope"] = scope;
        using var response = await Anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Token request failed ({(int)response.StatusCode}): {body}");
        return (string)JsonNode.Parse(body)!["access_token"]!;
    }

    /// <summary>A client calling the API with a token of <paramref name="clientId"/> (a demo client unless <paramref name="secret"/> is given).</summary>
    public async Task<HttpClient> ClientForAsync(string clientId, string? scope = null, string? secret = null)
    {
        var client = NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(clientId, secret, scope));
        return client;
    }

    /// <summary>A client without a token reaching the host under <paramref name="host"/>, as behind a load balancer that forwards that name.</summary>
    public HttpClient AnonymousAt(string host) => new(_app!.GetTestServer().CreateHandler()) { BaseAddress = new Uri($"http://{host}") };

    private HttpClient NewClient() => Address is null ? _app!.GetTestClient() : new HttpClient { BaseAddress = Address };

    /// <summary>Opens a graphql-transport-ws socket to <c>/graphql</c> over the test server.</summary>
    public async Task<GraphQLWsTestClient> ConnectWebSocketAsync()
    {
        var client = _app!.GetTestServer().CreateWebSocketClient();
        client.SubProtocols.Add(GraphQLWsTestClient.Subprotocol);
        return new GraphQLWsTestClient(await client.ConnectAsync(new Uri("ws://localhost/graphql"), CancellationToken.None));
    }

    /// <summary>A client that keeps cookies like a browser and follows no redirects, for the staff sign-in pages.</summary>
    public HttpClient CreateBrowser() =>
        new(new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler
        {
            InnerHandler = Address is null ? _app!.GetTestServer().CreateHandler() : new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false },
        })
        {
            BaseAddress = Address ?? new Uri("http://localhost"),
        };

    /// <summary>Creates the host's empty database and returns its connection string.</summary>
    protected virtual async Task<string> CreateDatabaseAsync()
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
    public Task<JsonObject> PostAsync(string query, object? variables = null) => PostAsync(Client, query, variables);

    /// <summary>POSTs a GraphQL request with <paramref name="client"/> and returns the parsed response body.</summary>
    public async Task<JsonObject> PostAsync(HttpClient client, string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, variables }),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        using var response = await client.SendAsync(request);
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

/// <summary>A second API node of <paramref name="first"/>: another process's worth of services on the same database.</summary>
public sealed class SecondNode(ApiHost first) : ApiHost(first.Provider)
{
    protected override ApiHost? NodeOf => first;
}

/// <summary>
/// A node on a loopback port: a real Kestrel server, which drains its connections when it stops; of its own database, or
/// another node of <paramref name="of"/>'s.
/// </summary>
public sealed class LoopbackNode(string provider, ApiHost? of = null) : ApiHost(of?.Provider ?? provider)
{
    protected override bool ListensOnLoopback => true;

    protected override ApiHost? NodeOf => of;
}

/// <summary>
/// Two API nodes on one database, as two processes behind a load balancer; the second is a <see cref="SecondNode"/>
/// unless <paramref name="second"/> makes it of the first.
/// </summary>
public abstract class TwoNodes(ApiHost first, Func<ApiHost, ApiHost>? second = null) : IAsyncLifetime
{
    public ApiHost A { get; } = first;

    public ApiHost B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await A.InitializeAsync();
        B = second?.Invoke(A) ?? new SecondNode(A);
        await B.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
    }
}

/// <summary>Two API nodes on the default test database.</summary>
public sealed class TwoDefaultNodes() : TwoNodes(new DefaultApi());

/// <summary>Two API nodes on one database of the throwaway PostgreSQL server.</summary>
public sealed class TwoPostgresNodes() : TwoNodes(new PostgresApi());
