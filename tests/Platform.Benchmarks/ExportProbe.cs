using System.Diagnostics;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data;
using Platform.DemoData;

namespace Platform.Benchmarks;

/// <summary>
/// Probe of a bulk export (<c>--probe export</c> and the usual seeding options): the demo integration client exports every
/// lead with <c>startBulkExport</c>; the probe polls <c>bulkExport</c> until it completes and samples the process's working
/// set meanwhile, then downloads the file from its signed link and counts its lines against the leads in the database.
/// Reports the export's wall time (start to <c>COMPLETED</c>) and the working set's growth over its value before the start.
/// A node that has served requests has its code compiled and its caches filled: so does the probe's, with a first export
/// of the last day's leads (the same code, a page of rows) before the working set is taken.
/// </summary>
internal static class ExportProbe
{
    private const string Fields = "id status rowCount bytes error url";

    public static async Task<int> RunAsync(IServiceProvider services, HttpClient api, string provider)
    {
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await DemoTokens.GetAsync(api, DemoClients.Integration));
        long leads;
        await using (var scope = services.CreateAsyncScope())
            leads = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Leads.LongCountAsync();

        var warmup = await ExportAsync(api, $"leadFilter: {{ createdAfter: \"{DateTime.UtcNow.AddDays(-1):O}\" }}");
        Console.WriteLine($"Warm-up: {warmup["rowCount"]} leads of the last day exported");
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var before = WorkingSetMb();
        var peak = before;
        var heapBefore = GC.GetGCMemoryInfo().TotalCommittedBytes / 1024.0 / 1024.0;
        var heapPeak = heapBefore;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, WorkingSetMb());
                heapPeak = Math.Max(heapPeak, GC.GetGCMemoryInfo().TotalCommittedBytes / 1024.0 / 1024.0);
                await Task.Delay(50);
            }
        });
        Console.WriteLine($"Exporting {leads:N0} leads ({provider}); working set before {before:F1} MB...");
        var clock = Stopwatch.StartNew();
        var export = await ExportAsync(api, "");
        var exportSeconds = clock.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        await sampler;
        if ((string?)export["status"] != "COMPLETED")
        {
            Console.Error.WriteLine($"The export ended {export["status"]}: {export["error"]}");
            return 1;
        }

        clock.Restart();
        long lines = 0;
        using (var response = await api.GetAsync((string)export["url"]!, HttpCompletionOption.ResponseHeadersRead))
        {
            response.EnsureSuccessStatusCode();
            await using var gzip = new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
            using var reader = new StreamReader(gzip);
            while (await reader.ReadLineAsync() is not null)
                lines++;
        }
        var downloadSeconds = clock.Elapsed.TotalSeconds;
        var rows = (long)export["rowCount"]!;
        var bytes = (long)export["bytes"]!;
        var load = File.Exists("/proc/loadavg") ? string.Join(',', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
        Console.WriteLine($"Export: {rows:N0} rows, {bytes / 1024.0 / 1024.0:F1} MB gzip in {exportSeconds:F1} s ({rows / exportSeconds:N0} rows/s)");
        Console.WriteLine($"Working set: {before:F1} MB before, {peak:F1} MB at most while exporting: +{peak - before:F1} MB "
            + $"(memory committed by the GC: {heapBefore:F1} MB before, {heapPeak:F1} MB at most)");
        Console.WriteLine($"Download: {lines:N0} lines in {downloadSeconds:F1} s");
        Console.WriteLine($"RESULT probe=export provider={provider} leads={leads} rows={rows} bytes={bytes} export_s={exportSeconds:F1} ws_before_mb={before:F1} "
            + $"ws_peak_mb={peak:F1} ws_growth_mb={peak - before:F1} download_s={downloadSeconds:F1} load={load}");
        if (rows != leads || lines != leads)
        {
            Console.Error.WriteLine($"The file holds {lines} lines and the export says {rows} rows; the database has {leads} leads.");
            return 1;
        }
        return 0;
    }

    /// <summary>Starts an export of leads with <paramref name="filter"/> (input fields) and polls it until it ends.</summary>
    private static async Task<JsonNode> ExportAsync(HttpClient api, string filter)
    {
        var export = (await GraphQLAsync(api, $$"""mutation { startBulkExport(input: { type: LEADS {{filter}} }) { export { {{Fields}} } errors { ... on Error { code message } } } }"""))["startBulkExport"]!["export"]!;
        var id = (string)export["id"]!;
        while ((string?)export["status"] is "QUEUED" or "RUNNING")
        {
            await Task.Delay(100);
            export = (await GraphQLAsync(api, $$"""query($id: ID!) { bulkExport(id: $id) { {{Fields}} } }""", new { id }))["bulkExport"]!;
        }
        return export;
    }

    private static async Task<JsonNode> GraphQLAsync(HttpClient api, string query, object? variables = null)
    {
        using var response = await api.PostAsJsonAsync("/graphql", new { query, variables });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        if (body["errors"] is not null || !response.IsSuccessStatusCode)
            throw new InvalidOperationException($"GraphQL failed ({(int)response.StatusCode}): {body.ToJsonString()}");
        return body["data"]!;
    }

    private static double WorkingSetMb()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64 / 1024.0 / 1024.0;
    }
}
