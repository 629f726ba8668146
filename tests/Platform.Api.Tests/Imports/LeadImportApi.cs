using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Imports;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Imports;

/// <summary>The API with a small upload limit and batches of two rows, so a few rows make several batches.</summary>
public abstract class LeadImportHost(string provider) : ApiHost(provider)
{
    public const int MaxFileBytes = 20_000;

    protected override void Configure(WebApplicationBuilder builder)
    {
        builder.Configuration["Imports:MaxFileBytes"] = MaxFileBytes.ToString();
        builder.Configuration["Imports:BatchSize"] = "2";
    }
}

/// <summary>The import host on the default test database.</summary>
public sealed class DefaultLeadImportApi() : LeadImportHost(Environment.GetEnvironmentVariable("PLATFORM_TEST_PROVIDER") ?? "Sqlite");

/// <summary>The import host on the throwaway PostgreSQL server.</summary>
public sealed class PostgresLeadImportApi() : LeadImportHost("Postgres");

/// <summary>Uploads, imports and their results over HTTP and GraphQL, and the runner's rounds, for the tests.</summary>
public static class LeadImportCalls
{
    public const string ImportFields = "id status format fileSha256 rowCount createdCount touchedCount rejectedCount unchangedCount error resultsUrl resultsUrlExpiresAt resultsExpireAt";

    private const string Errors = "errors { __typename ... on Error { code message } ... on ValidationError { field } ... on NotFoundError { id } }";

    public static async Task<HttpResponseMessage> UploadAsync(this ApiHost api, HttpClient client, string content, string mediaType = "text/csv")
    {
        using var body = new StringContent(content, Encoding.UTF8);
        body.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return await client.PostAsync(ImportFileUpload.Path, body);
    }

    /// <summary>Uploads a file that must be accepted and returns its id.</summary>
    public static async Task<string> UploadFileAsync(this ApiHost api, HttpClient client, string content)
    {
        using var response = await api.UploadAsync(client, content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, body);
        return (string)JsonNode.Parse(body)!["fileId"]!;
    }

    public static async Task<JsonNode> ImportLeadsAsync(this ApiHost api, HttpClient client, object input)
    {
        var result = await api.PostAsync(client, $$"""mutation($input: ImportLeadsInput!) { importLeads(input: $input) { import { {{ImportFields}} } {{Errors}} } }""", new { input });
        Assert.True(result["errors"] is null, result.ToJsonString());
        return result["data"]!["importLeads"]!;
    }

    public static async Task<JsonNode> CancelImportAsync(this ApiHost api, HttpClient client, string importId)
    {
        var result = await api.PostAsync(client, $$"""mutation($input: CancelLeadImportInput!) { cancelLeadImport(input: $input) { import { {{ImportFields}} } {{Errors}} } }""", new { input = new { importId } });
        Assert.True(result["errors"] is null, result.ToJsonString());
        return result["data"]!["cancelLeadImport"]!;
    }

    public static async Task<JsonNode?> LeadImportAsync(this ApiHost api, HttpClient client, string id)
    {
        var result = await api.PostAsync(client, $$"""query($id: ID!) { leadImport(id: $id) { {{ImportFields}} } }""", new { id });
        Assert.True(result["errors"] is null, result.ToJsonString());
        return result["data"]!["leadImport"];
    }

    /// <summary>Rounds of this node's runner until none finds an import to run.</summary>
    public static async Task RunImportsAsync(this ApiHost api)
    {
        var runner = api.Services.GetRequiredService<LeadImportRunner>();
        while (await runner.RunOnceAsync(CancellationToken.None))
        {
        }
    }

    /// <summary>Uploads <paramref name="content"/>, imports it (accepted), runs it and returns it as <c>leadImport</c> shows it then.</summary>
    public static async Task<JsonNode> ImportAndRunAsync(this ApiHost api, HttpClient client, string content, object input)
    {
        var fileId = await api.UploadFileAsync(client, content);
        var started = await api.ImportLeadsAsync(client, WithFile(input, fileId));
        Assert.True(started["errors"]!.AsArray().Count == 0, started.ToJsonString());
        Assert.Equal("QUEUED", (string?)started["import"]!["status"]);
        await api.RunImportsAsync();
        return (await api.LeadImportAsync(client, (string)started["import"]!["id"]!))!;
    }

    /// <summary>The input with <c>fileId</c> set.</summary>
    public static JsonObject WithFile(object input, string fileId)
    {
        var json = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(input))!.AsObject();
        json["fileId"] = fileId;
        return json;
    }

    /// <summary>Downloads a completed import's per-row results with no token.</summary>
    public static async Task<List<JsonObject>> ResultsAsync(this ApiHost api, JsonNode import)
    {
        using var response = await api.Anonymous.GetAsync((string)import["resultsUrl"]!);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        Assert.Equal("application/jsonl", response.Content.Headers.ContentType?.MediaType);
        return [.. body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!.AsObject())];
    }
}
