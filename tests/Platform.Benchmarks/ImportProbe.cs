using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data;
using Platform.DemoData;

namespace Platform.Benchmarks;

/// <summary>
/// Probe of a lead import (<c>--probe import</c> and the usual seeding options): generates a CSV of <see cref="Rows"/>
/// new people (every 100th row with a phone no one can have, so rejected), uploads it as the demo integration client to
/// <c>POST /imports/files</c>, starts <c>importLeads</c> and polls <c>leadImport</c> until it completes; then imports the
/// same file again, which must store nothing. Reports the upload time, each import's wall time (<c>importLeads</c> to
/// <c>COMPLETED</c>) and its counts, and checks them against the leads in the database.
/// </summary>
internal static class ImportProbe
{
    public const int Rows = 100_000;

    private const string Fields = "id status rowCount createdCount touchedCount rejectedCount unchangedCount error";

    public static async Task<int> RunAsync(IServiceProvider services, HttpClient api, string provider)
    {
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await DemoTokens.GetAsync(api, DemoClients.Integration));
        var csv = new StringBuilder("first_name,last_name,mobile,email,notes\n");
        for (var i = 0; i < Rows; i++)
            csv.Append($"Person{i},Import,{(i % 100 == 99 ? "n/a" : $"+7 916 1{i:D6}")},person{i}@import.example.com,\"Asked about pricing, row {i}\"\n");
        var file = Encoding.UTF8.GetBytes(csv.ToString());
        var before = await LeadCountAsync(services);

        var clock = Stopwatch.StartNew();
        using var upload = await api.PostAsync("/imports/files", new ByteArrayContent(file) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } });
        var uploaded = JsonNode.Parse(await upload.Content.ReadAsStringAsync())!;
        if (!upload.IsSuccessStatusCode)
        {
            Console.Error.WriteLine($"The upload failed: {uploaded.ToJsonString()}");
            return 1;
        }
        var uploadSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"Uploaded {file.Length / 1024.0 / 1024.0:F1} MB ({Rows:N0} rows) in {uploadSeconds:F1} s; importing ({provider})...");

        var (first, firstSeconds) = await ImportAsync(api, (string)uploaded["fileId"]!);
        var created = await LeadCountAsync(services) - before;
        Console.WriteLine($"Import: {first.ToJsonString()} in {firstSeconds:F1} s ({Rows / firstSeconds:N0} rows/s)");
        var (again, againSeconds) = await ImportAsync(api, (string)uploaded["fileId"]!);
        Console.WriteLine($"Same file again: {again.ToJsonString()} in {againSeconds:F1} s ({Rows / againSeconds:N0} rows/s)");
        var load = File.Exists("/proc/loadavg") ? string.Join(',', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
        Console.WriteLine($"RESULT probe=import provider={provider} rows={Rows} upload_s={uploadSeconds:F1} import_s={firstSeconds:F1} rerun_s={againSeconds:F1} "
            + $"created={first["createdCount"]} rejected={first["rejectedCount"]} rerun_unchanged={again["unchangedCount"]} load={load}");
        var expected = Rows - Rows / 100;
        if ((string?)first["status"] != "COMPLETED" || (long)first["createdCount"]! != expected || created != expected
            || (long)again["unchangedCount"]! != expected || await LeadCountAsync(services) - before != expected)
        {
            Console.Error.WriteLine($"Expected {expected} leads created once; the database has {created} more leads.");
            return 1;
        }
        return 0;
    }

    /// <summary>Imports the file and polls the import until it ends; returns it and the wall time.</summary>
    private static async Task<(JsonNode Import, double Seconds)> ImportAsync(HttpClient api, string fileId)
    {
        var clock = Stopwatch.StartNew();
        var started = (await GraphQLAsync(api, $$"""mutation($id: String!) { importLeads(input: { fileId: $id, format: CSV, mapping: [{ column: "first_name", field: "firstName" }, { column: "last_name", field: "lastName" }, { column: "mobile", field: "phone" }, { column: "email", field: "email" }, { column: "notes", field: "message" }], defaults: { channel: "TRADE_SHOW" } }) { import { {{Fields}} } errors { ... on Error { code message } } } }""", new { id = fileId }))["importLeads"]!;
        var import = started["import"] ?? throw new InvalidOperationException($"importLeads refused: {started.ToJsonString()}");
        var id = (string)import["id"]!;
        while ((string?)import["status"] is "QUEUED" or "RUNNING")
        {
            await Task.Delay(100);
            import = (await GraphQLAsync(api, $$"""query($id: ID!) { leadImport(id: $id) { {{Fields}} } }""", new { id }))["leadImport"]!;
        }
        return (import, clock.Elapsed.TotalSeconds);
    }

    private static async Task<long> LeadCountAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Leads.LongCountAsync();
    }

    private static async Task<JsonNode> GraphQLAsync(HttpClient api, string query, object? variables = null)
    {
        using var response = await api.PostAsJsonAsync("/graphql", new { query, variables });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        if (body["errors"] is not null || !response.IsSuccessStatusCode)
            throw new InvalidOperationException($"GraphQL failed ({(int)response.StatusCode}): {body.ToJsonString()}");
        return body["data"]!;
    }
}
