using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Demo;
using Platform.Api.Leads.FormTokens;
using Platform.Data;
using Platform.Testing;
using StackExchange.Redis;
using StackExchange.Redis.Profiling;

namespace Platform.Benchmarks;

/// <summary>
/// The fleet benchmark (<c>--fleet</c>): two API nodes on one throwaway PostgreSQL database and one throwaway Redis, both
/// sharing limits and wake-ups through it, measured under the same load sent to one node, then to both in turn (an
/// in-process round-robin balancer). Reports each, their ratio, and the Redis round trips the requests made (the shared
/// cost budget and form rate limits: one script per request, charging all its counts; the outbox wake-ups: one publish
/// per commit of events),
/// timed by the Redis client's profiler.
/// </summary>
internal static class Fleet
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (!BenchmarkOptions.TryParse(args, out var parsed, out var usageError))
        {
            Console.Error.WriteLine(usageError);
            return 2;
        }
        var options = parsed with { Provider = "Postgres" };
        Console.WriteLine("Starting a throwaway PostgreSQL server and a throwaway Redis...");
        var connectionString = await PostgresServer.CreateDatabaseAsync("fleet");
        await using var redis = await RedisServer.StartNewAsync();
        var sql = new SqlCommandCounter();
        var settings = new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = redis.Configuration,
            // Charged on every request, as in production, yet never refused: the figures include the shared budget.
            ["GraphQL:Limits:CostBudgetPerMinute"] = "1000000000000",
        };
        await using var a = BenchmarkHost.Build(options, connectionString, sql, settings);
        await using var b = BenchmarkHost.Build(options, connectionString, sql, settings);

        await a.Services.MigrateDatabaseAsync();
        Console.WriteLine($"Seeding {options.Leads} demo leads (Postgres)...");
        await using (var scope = a.Services.CreateAsyncScope())
            await BenchmarkHost.SeedDemoAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), options.Provider, options.Leads);
        await DemoClientRegistration.AddMissingAsync(a.Services);
        Scenarios.FormTokens = a.Services.GetRequiredService<FormTokenSigner>();
        await a.StartAsync();
        await b.StartAsync();
        Uri Endpoint(WebApplication node) => new(new Uri(node.Urls.Single()), "/graphql");
        using var tokenClient = new HttpClient { BaseAddress = new Uri(a.Urls.Single()) };
        var accessToken = options.Scenario.ClientId is { } clientId ? await DemoTokens.GetAsync(tokenClient, clientId) : null;

        Uri[] one = [Endpoint(a)], both = [Endpoint(a), Endpoint(b)];
        // One runner throughout, so that each request of the run is a distinct submission.
        using var runner = new LoadRunner(both, options.Scenario, options.Clients, accessToken);
        // Both nodes warm (and their JIT settled) before either figure is taken.
        var accepted = Accepted(await runner.RunAsync(options.Clients, TimeSpan.FromSeconds(Math.Max(options.Warmup, 5)), 1024));
        accepted += await JitSettling.SettleAsync(runner, options);

        var profiler = new Profiler(a, b);
        Console.WriteLine($"Measuring '{options.Scenario.Name}' ({options.Scenario.Description}): {options.Clients} clients for {options.Seconds} s against one node, then both...");
        runner.Endpoints = one;
        var single = await MeasureAsync(runner, options, profiler);
        runner.Endpoints = both;
        var fleet = await MeasureAsync(runner, options, profiler);
        accepted += single.Accepted + fleet.Accepted;

        // Stopped, each node has written what its lead intake held.
        await b.StopAsync();
        await a.StopAsync();
        var rowCheck = "";
        var rowsMismatch = false;
        if (options.Scenario.CountRows is { } countRows)
        {
            await using var scope = a.Services.CreateAsyncScope();
            var rows = await countRows(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
            rowsMismatch = rows != accepted;
            rowCheck = $" rows={rows} accepted={accepted}";
            Console.WriteLine($"Rows written: {rows}, accepted requests: {accepted} ({(rowsMismatch ? "MISMATCH" : "none lost, none duplicated")})");
        }

        var load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
        Console.WriteLine($"""

            one node      {single}
            two nodes     {fleet}
            ratio         two nodes / one node: {fleet.Rps / single.Rps:F2} of the throughput
            redis         charges (cost budget, form limits) {fleet.Charges:F2}/request, round trip p50 {fleet.ChargeP50:F3} ms p99 {fleet.ChargeP99:F3} ms; outbox wake-ups {fleet.Publishes:F2} publishes/request (not awaited by the request)
            load average  {load} (1, 5, 15 min; the machine's, other processes included), {Environment.ProcessorCount} CPUs

            RESULT fleet scenario={options.Scenario.Name} leads={options.Leads} clients={options.Clients} seconds={options.Seconds} one_rps={single.Rps:F1} one_p50_ms={single.P50:F2} one_p99_ms={single.P99:F2} two_rps={fleet.Rps:F1} two_p50_ms={fleet.P50:F2} two_p99_ms={fleet.P99:F2} ratio={fleet.Rps / single.Rps:F2} charges_per_req={fleet.Charges:F2} charge_p50_ms={fleet.ChargeP50:F3} charge_p99_ms={fleet.ChargeP99:F3} publishes_per_req={fleet.Publishes:F2} errors={single.Errors + fleet.Errors} load1={load.Split(' ')[0]}{rowCheck}
            """);
        return single.Errors + fleet.Errors > 0 || single.Requests == 0 || fleet.Requests == 0 || rowsMismatch ? 1 : 0;
    }

    private static long Accepted(ClientResult[] results) => results.Sum(r => r.Latencies.Count - r.Errors);

    private static async Task<Phase> MeasureAsync(LoadRunner runner, BenchmarkOptions options, Profiler profiler)
    {
        profiler.Start();
        var started = Stopwatch.GetTimestamp();
        var results = await runner.RunAsync(options.Clients, TimeSpan.FromSeconds(options.Seconds), options.Seconds * 2000);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var commands = profiler.Finish();
        var latencies = results.SelectMany(r => r.Latencies).Order().ToArray();
        var requests = Math.Max(latencies.Length, 1);
        var charges = commands.Where(c => c.Command is "EVALSHA" or "EVAL").Select(c => c.ElapsedTime.TotalMilliseconds).Order().ToArray();
        return new Phase(latencies.Length, results.Sum(r => r.Errors), latencies.Length / seconds,
            Percentile(latencies, 0.5) * 1000.0 / Stopwatch.Frequency, Percentile(latencies, 0.99) * 1000.0 / Stopwatch.Frequency,
            (double)charges.Length / requests, Percentile(charges, 0.5), Percentile(charges, 0.99),
            (double)commands.Count(c => c.Command == "PUBLISH") / requests, Accepted(results));
    }

    private static T Percentile<T>(T[] sorted, double p) where T : struct =>
        sorted.Length == 0 ? default : sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private sealed record Phase(int Requests, int Errors, double Rps, double P50, double P99, double Charges, double ChargeP50, double ChargeP99, double Publishes, long Accepted)
    {
        public override string ToString() => $"{Rps:F1} requests/s, p50 {P50:F2} ms, p99 {P99:F2} ms, {Requests} requests, {Errors} errors";
    }

    /// <summary>Records the Redis commands both nodes send between <see cref="Start"/> and <see cref="Finish"/>.</summary>
    private sealed class Profiler
    {
        private volatile ProfilingSession? _session;

        public Profiler(params WebApplication[] nodes)
        {
            foreach (var node in nodes)
                node.Services.GetRequiredService<IConnectionMultiplexer>().RegisterProfiler(() => _session);
        }

        public void Start() => _session = new ProfilingSession();

        public List<IProfiledCommand> Finish()
        {
            var session = _session!;
            _session = null;
            return [.. session.FinishProfiling()];
        }
    }
}
