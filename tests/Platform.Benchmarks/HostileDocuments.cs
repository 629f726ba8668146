using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Api;
using Platform.Api.Security;
using Platform.Api.Demo;
using Platform.Data;
using Platform.DemoData;

namespace Platform.Benchmarks;

/// <summary>
/// Probe of the document limits (<c>--probe hostile-documents</c>): sends documents of up to 1 MB built to cost the
/// server as much as the limits let them, each alone (sequentially) and ten at once while one client times a normal
/// query, and prints each case's answer and latencies. Self-hosts the API on a fresh SQLite file with the demo data.
/// </summary>
internal static class HostileDocuments
{
    private const int Megabyte = 1_000_000;
    /// <summary>The default <c>MaxSelections</c>, which the selection cases sit at and just over.</summary>
    private static readonly int Selections = new Platform.GraphQL.Server.Limits.RequestLimits().MaxSelections;

    private const string NormalQuery = "{ leads(first: 1) { totalCount } }";

    /// <summary>A document padded with spaces to about a megabyte: whitespace is read by the lexer too.</summary>
    private static string Padded(string document) => document + new string(' ', Math.Max(0, Megabyte - document.Length));

    private static string Repeat(string text, int times) => string.Concat(Enumerable.Repeat(text, times));

    private static string RepeatToMegabyte(string prefix, string unit, string suffix) =>
        prefix + Repeat(unit, (Megabyte - prefix.Length - suffix.Length) / unit.Length) + suffix;

    private static readonly (string Name, string Document)[] Cases =
    [
        // Not hostile: what any 1 MB body costs (read, JSON, lexing the spaces), to compare the others with.
        ("`{ __typename }` and 1 MB of spaces (runs)", Padded("{ __typename }")),
        ("deep nesting, 4,000 levels (under the token limit)", Padded("{ " + Repeat("leads { nodes { ", 2_000) + new string('}', 4_000) + " }")),
        ("deep nesting, 1 MB of `{a`", RepeatToMegabyte("{", "a{", "")),
        ("fragment chain, 90 fragments", Padded("{ leads(first: 1) { nodes { ...F0 } } }"
            + string.Concat(Enumerable.Range(0, 90).Select(i => $" fragment F{i} on Lead {{ client {{ deals(first: 1) {{ nodes {{ lead {{ {(i < 89 ? $"...F{i + 1}" : "id")} }} }} }} }} }}")))),
        ("introspection, ofType 60 deep", Padded("{ __schema { types { " + Repeat("ofType { ", 60) + "name" + new string('}', 60) + " } } }")),
        ("10,000+ directives, 1 MB", RepeatToMegabyte("{ leads(first: 1) { nodes { id", " @include(if: true)", " } } }")),
        ("many tokens, 1 MB of fields", RepeatToMegabyte("{ leads(first: 1) { nodes { ", "id ", "} } }")),
        // A line break is two bytes in JSON: a third of a million comment lines fill the body.
        ("many tokens, 1 MB of comments", "{ __typename }" + Repeat("\n#", 330_000)),
        ($"many selections, {Selections + 1} (under the token limit)", Padded("{ leads(first: 1) { nodes { " + Repeat("id ", Selections - 1) + "} } }")),
        ($"selections at the limit, {Selections} of one field (runs)", Padded("{ leads(first: 1) { nodes { " + Repeat("id ", Selections - 2) + "} } }")),
        ($"many errors, {Selections - 2} unknown fields", Padded("{ leads(first: 1) { nodes { " + string.Join(" ", Enumerable.Range(0, Selections - 2).Select(i => $"x{i}")) + " } } }")),
    ];

    public static async Task<int> RunAsync()
    {
        var sqliteFile = Path.Combine(Path.GetTempPath(), $"platform-probe-{Guid.NewGuid():N}.db");
        try
        {
            await using var app = PlatformApp.Build(["--contentRoot", AppContext.BaseDirectory], builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Database:Provider"] = "Sqlite",
                    ["Database:ConnectionString"] = $"Data Source={sqliteFile}",
                    // One client sends everything; its per-minute cost budget would refuse the normal query.
                    ["GraphQL:Limits:CostBudgetPerMinute"] = "0",
                    ["OAuth:RequireHttps"] = "false",
                    ["OAuth:DevelopmentKeysDirectory"] = Path.Combine(Path.GetTempPath(), "platform-benchmark-keys"),
                    ["Leads:Spool:Path"] = sqliteFile + ".spool",
                });
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
                builder.WebHost.UseUrls("http://127.0.0.1:0");
            });
            await app.Services.MigrateDatabaseAsync();
            await using (var scope = app.Services.CreateAsyncScope())
                await DemoDataset.SeedAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), 1_000, DateTime.UtcNow);
            await DemoClientRegistration.AddMissingAsync(app.Services);
            await app.StartAsync();

            var root = new Uri(app.Urls.Single());
            using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 32 }) { BaseAddress = root, Timeout = TimeSpan.FromMinutes(2) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await DemoTokens.GetAsync(http, DemoClients.Integration));
            http.DefaultRequestHeaders.Accept.ParseAdd("application/graphql-response+json");
            var normal = Body(NormalQuery);

            // Warm up every path (JIT, caches) before measuring.
            foreach (var (_, document) in Cases)
                await SendAsync(http, Body(document));
            for (var i = 0; i < 50; i++)
                await SendAsync(http, normal);

            var baseline = await TimeNormalAsync(http, normal, TimeSpan.FromSeconds(3));
            Console.WriteLine($"normal query alone: median {Median(baseline):F1} ms, max {baseline.Max():F1} ms ({baseline.Count} requests)");
            Console.WriteLine();
            Console.WriteLine("| document | body | answer | alone: median / max | 10 at once: median / max | normal query meanwhile: median / max |");
            Console.WriteLine("|---|---|---|---|---|---|");
            foreach (var (name, document) in Cases)
            {
                var body = Body(document);
                var (status, code, _) = await SendAsync(http, body);
                var alone = new List<double>();
                for (var i = 0; i < 20; i++)
                    alone.Add((await SendAsync(http, body)).Ms);

                using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                var concurrent = new List<double>();
                var hostile = Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
                {
                    var mine = new List<double>();
                    while (!stop.IsCancellationRequested)
                        mine.Add((await SendAsync(http, body)).Ms);
                    return mine;
                })).ToArray();
                var meanwhile = await TimeNormalAsync(http, normal, TimeSpan.FromSeconds(3));
                foreach (var latencies in await Task.WhenAll(hostile))
                    concurrent.AddRange(latencies);

                Console.WriteLine($"| {name} | {body.Length / 1024} KB | {(int)status} {code} | {Median(alone):F1} / {alone.Max():F1} ms "
                    + $"| {Median(concurrent):F1} / {concurrent.Max():F1} ms | {Median(meanwhile):F1} / {meanwhile.Max():F1} ms |");
            }
            await app.StopAsync();
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm", ".spool", ".spool-wal", ".spool-shm" })
                File.Delete(sqliteFile + suffix);
        }
    }

    private static byte[] Body(string query) => JsonSerializer.SerializeToUtf8Bytes(new { query });

    /// <summary>Sends the normal query in a loop for <paramref name="duration"/>; each answer must be data without errors.</summary>
    private static async Task<List<double>> TimeNormalAsync(HttpClient http, byte[] normal, TimeSpan duration)
    {
        var latencies = new List<double>();
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < end)
        {
            var (status, code, ms) = await SendAsync(http, normal);
            if (status != HttpStatusCode.OK || code is not null)
                throw new InvalidOperationException($"The normal query failed: {(int)status} {code}.");
            latencies.Add(ms);
        }
        return latencies;
    }

    private static async Task<(HttpStatusCode Status, string? Code, double Ms)> SendAsync(HttpClient http, byte[] body)
    {
        var started = Stopwatch.GetTimestamp();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync("/graphql", content);
        var json = JsonNode.Parse(await response.Content.ReadAsStreamAsync());
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var errors = json?["errors"]?.AsArray();
        return (response.StatusCode, errors is null ? null : $"{errors[0]?["extensions"]?["code"]}{(errors.Count > 1 ? $" (+{errors.Count - 1} errors)" : "")}", ms);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
    }
}
