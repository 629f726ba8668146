using System.IO.Compression;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Api.Bulk;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Bulk;

/// <summary>
/// The API with enough leads for several pages of an export (100 rows a page), and a file store a test can step into
/// when a node starts writing a file.
/// </summary>
public abstract class BulkExportHost(string provider) : ApiHost(provider)
{
    protected override int DemoLeads => 250;

    /// <summary>Runs when a node starts writing an export's file, after it claimed the export.</summary>
    public Func<Task>? BeforeWrite { get; set; }

    protected override void Configure(WebApplicationBuilder builder)
    {
        builder.Configuration["BulkExports:PageSize"] = "100";
        builder.Services.AddSingleton<IBulkFileStore>(sp => new SteppedFileStore(new FolderFileStore(sp.GetRequiredService<IOptions<BulkExportOptions>>()), this));
    }

    private sealed class SteppedFileStore(IBulkFileStore inner, BulkExportHost host) : IBulkFileStore
    {
        public async Task<long> WriteAsync(string name, Func<Stream, Task> write, CancellationToken ct)
        {
            if (host.BeforeWrite is { } step)
                await step();
            return await inner.WriteAsync(name, write, ct);
        }

        public Stream? OpenRead(string name) => inner.OpenRead(name);

        public void Delete(string name) => inner.Delete(name);
    }
}

/// <summary>The export host on the default test database.</summary>
public sealed class DefaultBulkExportApi() : BulkExportHost(Environment.GetEnvironmentVariable("PLATFORM_TEST_PROVIDER") ?? "Sqlite");

/// <summary>The export host on the throwaway PostgreSQL server.</summary>
public sealed class PostgresBulkExportApi() : BulkExportHost("Postgres");

/// <summary>Bulk exports over GraphQL and HTTP, and the runner's rounds, for the tests.</summary>
public static class BulkExportCalls
{
    public const string ExportFields = "id type status fields rowCount bytes error url urlExpiresAt expiresAt erasedAt";

    private const string Errors = "errors { __typename ... on Error { code message } ... on ValidationError { field } ... on ExportInProgressError { exportId } ... on NotFoundError { id } }";

    public static async Task<JsonNode> StartExportAsync(this ApiHost api, HttpClient client, object input)
    {
        var result = await api.PostAsync(client, $$"""mutation($input: StartBulkExportInput!) { startBulkExport(input: $input) { export { {{ExportFields}} } {{Errors}} } }""", new { input });
        Assert.True(result["errors"] is null, result.ToJsonString());
        return result["data"]!["startBulkExport"]!;
    }

    public static async Task<JsonNode> CancelExportAsync(this ApiHost api, HttpClient client, string exportId)
    {
        var result = await api.PostAsync(client, $$"""mutation($input: CancelBulkExportInput!) { cancelBulkExport(input: $input) { export { {{ExportFields}} } {{Errors}} } }""", new { input = new { exportId } });
        Assert.True(result["errors"] is null, result.ToJsonString());
        return result["data"]!["cancelBulkExport"]!;
    }

    public static async Task<JsonNode?> ExportAsync(this ApiHost api, HttpClient client, string id)
    {
        var result = await api.PostAsync(client, $$"""query($id: ID!) { bulkExport(id: $id) { {{ExportFields}} } }""", new { id });
        Assert.True(result["errors"] is null, result.ToJsonString());
        return result["data"]!["bulkExport"];
    }

    /// <summary>Rounds of this node's runner until none finds an export to write.</summary>
    public static async Task RunExportsAsync(this ApiHost api)
    {
        var runner = api.Services.GetRequiredService<BulkExportRunner>();
        while (await runner.RunOnceAsync(CancellationToken.None))
        {
        }
    }

    /// <summary>Starts an export that must be accepted, runs it, and returns it as <c>bulkExport</c> shows it then.</summary>
    public static async Task<JsonNode> ExportAndRunAsync(this ApiHost api, HttpClient client, object input)
    {
        var started = await api.StartExportAsync(client, input);
        Assert.True(started["errors"]!.AsArray().Count == 0, started.ToJsonString());
        Assert.Equal("QUEUED", (string?)started["export"]!["status"]);
        await api.RunExportsAsync();
        return (await api.ExportAsync(client, (string)started["export"]!["id"]!))!;
    }

    /// <summary>Downloads a completed export's file with no token and returns its rows.</summary>
    public static async Task<List<JsonObject>> DownloadAsync(this ApiHost api, JsonNode export)
    {
        using var response = await api.Anonymous.GetAsync((string)export["url"]!);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/gzip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((long)export["bytes"]!, response.Content.Headers.ContentLength);
        await using var gzip = new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var rows = new List<JsonObject>();
        while (await reader.ReadLineAsync() is { } line)
            rows.Add(JsonNode.Parse(line)!.AsObject());
        return rows;
    }
}
