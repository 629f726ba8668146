using System.Diagnostics;
using System.Runtime;
using Microsoft.Data.Sqlite;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Api;
using Platform.Api.Demo;
using Platform.Api.Security;
using Platform.Benchmarks;
using Platform.Data;
using Platform.DemoData;
using Platform.Testing;

// Load benchmark: seeds a fresh database, self-hosts the API on loopback and measures one
// scenario under N concurrent clients. Exit codes: 0 ok, 1 errors or no requests, 2 bad usage.
if (args is ["--probe", "hostile-documents"])
    return await HostileDocuments.RunAsync();
if (args is ["--probe", "events", ..])
    return await EventDelivery.RunAsync(args);
if (args is ["--probe", "start", ..])
    return await StartProbe.RunAsync(args);
// The export and import probes seed (or reuse --database) as a load run does, then export every lead or import a file
// instead of sending load.
var probe = args is ["--probe", "export" or "import", ..] ? args[1] : null;
if (probe is not null)
    args = args[2..];
if (args is ["--fleet", .. var fleetArgs])
    return await Fleet.RunAsync(fleetArgs);
if (args is ["--help"] or ["-h"])
{
    Console.WriteLine(BenchmarkOptions.Usage);
    return 0;
}
if (!BenchmarkOptions.TryParse(args, out var options, out var usageError))
{
    Console.Error.WriteLine(usageError);
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}

string? sqliteFile = null;
try
{
    string connectionString;
    if (options.Provider == "Sqlite")
    {
        sqliteFile = Path.Combine(Path.GetTempPath(), $"platform-bench-{Guid.NewGuid():N}.db");
        connectionString = $"Data Source={sqliteFile}";
    }
    else if (options.Database is { } existing)
    {
        connectionString = existing;
    }
    else
    {
        Console.WriteLine("Starting a throwaway PostgreSQL server...");
        connectionString = await PostgresServer.CreateDatabaseAsync("benchmark");
    }
    return await RunAsync(options, connectionString, probe);
}
catch (Exception e)
{
    Console.Error.WriteLine($"Benchmark failed: {e}");
    return 1;
}
finally
{
    if (sqliteFile is not null)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(sqliteFile + suffix);
    }
}

static async Task<int> RunAsync(BenchmarkOptions options, string connectionString, string? probe)
{
    var sql = new SqlCommandCounter();
    using var queryCacheMisses = new EfQueryCacheMisses();
    await using var app = BenchmarkHost.Build(options, connectionString, sql);

    await app.Services.MigrateDatabaseAsync();
    if (options.Database is not null && await HasLeadsAsync(app.Services))
        Console.WriteLine("The database holds leads: measuring it as it is, without seeding.");
    else
        await SeedAsync(options, app.Services, sql);

    if (options.Peer is not null)
        await PeerServer.WaitAsync(options.Peer, connectionString, TimeSpan.FromMinutes(10));

    await DemoClientRegistration.AddMissingAsync(app.Services);
    Scenarios.FormTokens = app.Services.GetRequiredService<Platform.Api.Leads.FormTokens.FormTokenSigner>();
    await app.StartAsync();
    var endpoint = new Uri(new Uri(app.Urls.Single()), "/graphql");
    using var tokenClient = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
    if (probe is not null)
    {
        var probed = probe == "export"
            ? await ExportProbe.RunAsync(app.Services, tokenClient, options.Provider)
            : await ImportProbe.RunAsync(app.Services, tokenClient, options.Provider);
        await app.StopAsync();
        return probed;
    }
    // A token of the scenario's demo client from the API's own token endpoint, as a real caller gets one.
    var accessToken = options.Scenario.ClientId is { } clientId ? await DemoTokens.GetAsync(tokenClient, clientId) : null;
    Console.WriteLine($"API at {endpoint} ({(GCSettings.IsServerGC ? "server" : "workstation")} GC, {Environment.ProcessorCount} CPUs)");

    using var runner = new LoadRunner(endpoint, options.Scenario, options.Clients, accessToken);
    using var stopWrites = new CancellationTokenSource();
    var writes = BackgroundWrites.RunAsync(app.Services, options.WritesPerSecond, stopWrites.Token);
    long warmupAccepted = 0;
    if (options.Warmup > 0)
    {
        var warmup = await runner.RunAsync(options.Clients, TimeSpan.FromSeconds(options.Warmup), expectedRequestsPerClient: 1024);
        warmupAccepted = warmup.Sum(r => r.Latencies.Count - r.Errors);
        Console.WriteLine($"Warm-up: {warmup.Sum(r => r.Latencies.Count)} requests, {warmup.Sum(r => r.Errors)} errors in {options.Warmup} s");
    }
    warmupAccepted += await JitSettling.SettleAsync(runner, options);

    if (options.Explain && options.Provider == "Postgres")
        await ExplainAsync(runner, sql, connectionString);

    var database = options.Provider == "Postgres" ? await PostgresStatementStatistics.TryCreateAsync(connectionString) : null;
    Console.WriteLine($"Measuring '{options.Scenario.Name}' ({options.Scenario.Description}): {options.Clients} clients for {options.Seconds} s...");
    int[] gcBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
    var workingSetBefore = WorkingSetMb();
    var sqlBefore = sql.Count;
    var missesBefore = queryCacheMisses.Count;
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var (jitMethodsBefore, jitTimeBefore) = (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
    var (processCpuBefore, machineBefore) = (ProcessCpuSeconds(), MachineCpu());
    if (database is not null)
        await database.ResetAsync();
    var started = Stopwatch.GetTimestamp();
    var results = await runner.RunAsync(options.Clients, TimeSpan.FromSeconds(options.Seconds), expectedRequestsPerClient: options.Seconds * 2000);
    var elapsed = Stopwatch.GetElapsedTime(started);
    var (processCpu, machineAfter) = (ProcessCpuSeconds() - processCpuBefore, MachineCpu());
    var cpu = $"{processCpu / elapsed.TotalSeconds:F2} cores this process, {(machineAfter - machineBefore) / elapsed.TotalSeconds:F2} the whole machine (database included)";
    var databaseTotals = database is null ? default((long Calls, double ExecutionMs, double PlanningMs)?) : await database.TotalsAsync();
    var databaseTop = database is null ? [] : await database.TopAsync(8, results.Sum(r => r.Latencies.Count));
    var elsewhereMs = ((machineAfter - machineBefore) - processCpu) * 1000 / Math.Max(results.Sum(r => r.Latencies.Count), 1);
    var peer = await PeerAsync(options, database);
    await stopWrites.CancelAsync();
    var written = await writes;
    var workingSetAfter = WorkingSetMb();
    var load = LoadAverage();
    var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
    var jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethodsBefore;
    var jitSeconds = (System.Runtime.JitInfo.GetCompilationTime() - jitTimeBefore).TotalSeconds;
    var statements = sql.Count - sqlBefore;
    var misses = queryCacheMisses.Count - missesBefore;
    int[] gcs = [GC.CollectionCount(0) - gcBefore[0], GC.CollectionCount(1) - gcBefore[1], GC.CollectionCount(2) - gcBefore[2]];
    var rowCheck = "";
    var rowsMismatch = false;
    if (options.Scenario.CountRows is { } countRows)
    {
        // Every accepted request (warm-up included) must have written exactly one row.
        await using var scope = app.Services.CreateAsyncScope();
        var rows = await countRows(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
        var accepted = warmupAccepted + results.Sum(r => r.Latencies.Count - r.Errors);
        rowsMismatch = rows != accepted;
        rowCheck = $" rows={rows} accepted={accepted}";
        Console.WriteLine($"Rows written: {rows}, accepted requests: {accepted} ({(rowsMismatch ? "MISMATCH" : "none lost, none duplicated")})");
    }
    // The same run's floor: figures of different days and machines compare by their ratio to it.
    double? floor = options.Scenario.Name == "floor" ? null : await FloorAsync(endpoint, options.Clients, Math.Min(options.Seconds, 5));
    await app.StopAsync();

    var latencies = results.SelectMany(r => r.Latencies).ToArray();
    Array.Sort(latencies);
    var requests = latencies.Length;
    var errors = results.Sum(r => r.Errors);
    var perRequest = Math.Max(requests, 1);
    var rps = requests / elapsed.TotalSeconds;
    double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
    double Percentile(double p) => requests == 0 ? 0 : Ms(latencies[Math.Max(0, (int)Math.Ceiling(p * requests) - 1)]);
    var (p50, p90, p99, max) = (Percentile(0.50), Percentile(0.90), Percentile(0.99), requests == 0 ? 0 : Ms(latencies[^1]));
    var allocKb = allocated / 1024.0 / perRequest;
    var sqlPerRequest = (double)statements / perRequest;
    var missesPerRequest = (double)misses / perRequest;
    var cpuMsPerRequest = processCpu * 1000 / perRequest;
    var peerLine = "";
    var peerResult = "";
    if (peer is { } pr)
    {
        var sorted = pr.Latencies.Order().ToArray();
        double PeerPercentile(double p) => sorted.Length == 0 ? 0 : Ms(sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)]);
        var peerRps = sorted.Length / pr.Seconds;
        var peerPgMs = pr.Database is { } d ? (d.ExecutionMs + d.PlanningMs) / Math.Max(sorted.Length, 1) : double.NaN;
        var peerPgCalls = pr.Database is { } dc ? (double)dc.Calls / Math.Max(sorted.Length, 1) : double.NaN;
        peerLine = $"\npeer          {peerRps:F1} requests/s, p50 {PeerPercentile(0.5):F2} ms, p99 {PeerPercentile(0.99):F2} ms, {pr.Errors} errors; PostgreSQL {peerPgMs:F3} ms/request in {peerPgCalls:F2} statements; CPU outside this process {pr.ElsewhereMs:F2} ms/request (the peer and PostgreSQL); this API is {rps / peerRps:F2}× the peer";
        peerResult = $" peer_rps={peerRps:F1} peer_p50_ms={PeerPercentile(0.5):F2} peer_p99_ms={PeerPercentile(0.99):F2} peer_pg_ms_per_req={peerPgMs:F3} peer_elsewhere_cpu_ms_per_req={pr.ElsewhereMs:F2} peer_errors={pr.Errors} ratio_to_peer={rps / peerRps:F2}";
    }
    var (pgCalls, pgMs, pgPlanMs) = databaseTotals is { } t ? ((double)t.Calls / perRequest, (t.ExecutionMs + t.PlanningMs) / perRequest, t.PlanningMs / perRequest) : (double.NaN, double.NaN, double.NaN);
    var postgres = databaseTotals is null
        ? "n/a (SQLite, or a server without pg_stat_statements)"
        : $"{pgMs:F3} ms/request ({pgPlanMs:F3} of it planning), {pgCalls:F2} statements/request as the server counts them (pg_stat_statements){string.Concat(databaseTop.Select(line => "\n                  " + line))}";

    Console.WriteLine($"""

        requests      {requests} in {elapsed.TotalSeconds:F1} s, {errors} errors
        throughput    {rps:F1} requests/s
        latency (ms)  p50 {p50:F2}  p90 {p90:F2}  p99 {p99:F2}  max {max:F2}
        response      {results.Sum(r => r.ResponseBytes) / 1024.0 / perRequest:F1} KB/request
        allocated     {allocKb:F1} KB/request (whole process: the API and the in-process client)
        sql           {sqlPerRequest:F2} statements/request ({statements} in all, background writes included)
        writes        {written} leads inserted in the background (--writes {options.WritesPerSecond}/s)
        ef queries    {missesPerRequest:F2} compiled-query cache misses/request (LINQ translated again; ideally 0)
        gc            gen0 {gcs[0]}, gen1 {gcs[1]}, gen2 {gcs[2]}
        jit           {jitMethods} methods compiled during the run ({jitSeconds:F2} s of JIT time; a run still tiering up measures the JIT)
        cpu           {cpu}; {cpuMsPerRequest:F2} ms/request this process (the API and the in-process client), {elsewhereMs:F2} ms/request outside it (PostgreSQL and whatever else ran)
        postgres      {postgres}
        working set   {workingSetBefore:F0} MB before, {workingSetAfter:F0} MB after the measured run (the whole process)
        load average  {load} (1, 5, 15 min; the machine's, other processes included), {Environment.ProcessorCount} CPUs{peerLine}
        floor         {(floor is { } f ? $"{f:F1} requests/s of {{ __typename }} right after, in the same process: this run is {rps / f:F3} of it" : "n/a")}

        RESULT scenario={options.Scenario.Name} provider={options.Provider} leads={options.Leads} clients={options.Clients} seconds={options.Seconds} requests={requests} rps={rps:F1} p50_ms={p50:F2} p90_ms={p90:F2} p99_ms={p99:F2} max_ms={max:F2} alloc_kb_per_req={allocKb:F1} sql_per_req={sqlPerRequest:F2} ef_cache_misses_per_req={missesPerRequest:F2} gc0={gcs[0]} gc1={gcs[1]} gc2={gcs[2]} jit_methods={jitMethods} jit_s={jitSeconds:F2} ws_before_mb={workingSetBefore:F0} ws_after_mb={workingSetAfter:F0} load1={load.Split(' ')[0]} api_cpu_ms_per_req={cpuMsPerRequest:F2} pg_ms_per_req={pgMs:F3} pg_plan_ms_per_req={pgPlanMs:F3} pg_calls_per_req={pgCalls:F2} writes={written} errors={errors}{peerResult}{rowCheck}{(floor is { } fl ? $" floor_rps={fl:F1} floor_ratio={rps / fl:F3}" : "")}
        """);
    return errors > 0 || requests == 0 || rowsMismatch ? 1 : 0;
}

// The peer's run (--peer; none without): the same clients and duration after a warm-up, with PostgreSQL's time and the
// CPU used outside this process (the peer and PostgreSQL) per request.
static async Task<(long[] Latencies, int Errors, double Seconds, (long Calls, double ExecutionMs, double PlanningMs)? Database, double ElsewhereMs)?> PeerAsync(
    BenchmarkOptions options, PostgresStatementStatistics? database)
{
    if (options.Peer is null)
        return null;
    Console.WriteLine($"Measuring the peer at {options.Peer}: {options.Clients} clients for {options.Seconds} s after {Math.Max(options.Warmup, 5)} s of warm-up...");
    using var runner = new LoadRunner(options.Peer!, PeerServer.LeadsGraph, options.Clients, accessToken: null);
    await runner.RunAsync(options.Clients, TimeSpan.FromSeconds(Math.Max(options.Warmup, 5)), expectedRequestsPerClient: 1024);
    if (database is not null)
        await database.ResetAsync();
    var (processBefore, machineBefore) = (ProcessCpuSeconds(), MachineCpu());
    var started = Stopwatch.GetTimestamp();
    var results = await runner.RunAsync(options.Clients, TimeSpan.FromSeconds(options.Seconds), expectedRequestsPerClient: options.Seconds * 2000);
    var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
    var elsewhere = (MachineCpu() - machineBefore) - (ProcessCpuSeconds() - processBefore);
    var latencies = results.SelectMany(r => r.Latencies).ToArray();
    return (latencies, results.Sum(r => r.Errors), seconds, database is null ? null : await database.TotalsAsync(), elsewhere * 1000 / Math.Max(latencies.Length, 1));
}

// Requests per second of the floor scenario ({ __typename }, no token) on the running API, as many clients.
static async Task<double> FloorAsync(Uri endpoint, int clients, int seconds)
{
    using var floor = new LoadRunner(endpoint, Scenarios.All["floor"], clients, accessToken: null);
    await floor.RunAsync(clients, TimeSpan.FromSeconds(1), expectedRequestsPerClient: 1024);
    var started = Stopwatch.GetTimestamp();
    var results = await floor.RunAsync(clients, TimeSpan.FromSeconds(seconds), expectedRequestsPerClient: seconds * 2000);
    return results.Sum(r => r.Latencies.Count) / Stopwatch.GetElapsedTime(started).TotalSeconds;
}

// The plans of the statements one request runs, measured by PostgreSQL itself (the request's own timings are not affected).
static async Task ExplainAsync(LoadRunner runner, SqlCommandCounter sql, string connectionString)
{
    sql.Capture = new();
    var ok = await runner.SendOnceAsync();
    var statements = sql.Capture.ToArray();
    sql.Capture = null;
    Console.WriteLine($"EXPLAIN (ANALYZE, BUFFERS) of the {statements.Length} statements of one request ({(ok ? "ok" : "failed")}):");
    await using var connection = new Npgsql.NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    // The server's settings, then as a server on SSDs is usually tuned (random reads about as cheap as sequential ones).
    foreach (var setting in new[] { "", "SET random_page_cost = 1.1" })
    {
        if (setting.Length > 0)
        {
            await using var set = new Npgsql.NpgsqlCommand(setting, connection);
            await set.ExecuteNonQueryAsync();
            Console.WriteLine($"-- again after {setting}:");
        }
        foreach (var (text, parameters) in statements)
        {
            await using var command = new Npgsql.NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + text, connection);
            command.Parameters.AddRange(parameters.Select(p => p is ICloneable c ? (Npgsql.NpgsqlParameter)c.Clone() : (Npgsql.NpgsqlParameter)p).ToArray());
            Console.WriteLine();
            Console.WriteLine(text);
            Console.WriteLine("--");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                Console.WriteLine(reader.GetString(0));
        }
        Console.WriteLine();
    }
}

static double ProcessCpuSeconds()
{
    using var process = Process.GetCurrentProcess();
    return process.TotalProcessorTime.TotalSeconds;
}

// Busy CPU seconds of the whole machine since boot (Linux /proc/stat: all but idle and iowait; 100 ticks a second); 0 elsewhere.
static double MachineCpu()
{
    if (!File.Exists("/proc/stat"))
        return 0;
    var ticks = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(double.Parse).ToArray();
    return (ticks.Sum() - ticks[3] - ticks[4]) / 100.0;
}

static double WorkingSetMb()
{
    using var process = Process.GetCurrentProcess();
    return process.WorkingSet64 / 1024.0 / 1024.0;
}

// The 1, 5 and 15 minute load averages (Linux), so figures from a shared machine say how busy it was.
static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static async Task SeedAsync(BenchmarkOptions options, IServiceProvider services, SqlCommandCounter sql)
{
    Console.WriteLine(options.Bulk
        ? $"Bulk-seeding {options.Leads} leads, {options.Deals} deals, {options.Orders} orders over two years ({options.Provider})..."
        : $"Seeding {options.Leads} demo leads ({options.Provider})...");
    var seeding = Stopwatch.StartNew();
    var sqlBeforeSeeding = sql.Count;
    await using (var scope = services.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        if (options.Bulk)
            await BulkSeeder.SeedAsync(db, options.Leads, options.Deals!.Value, options.Orders!.Value, DateTime.UtcNow);
        else
            await BenchmarkHost.SeedDemoAsync(db, options.Provider, options.Leads);
    }
    Console.WriteLine($"Seeded in {seeding.Elapsed.TotalSeconds:F1} s ({sql.Count - sqlBeforeSeeding} SQL statements through EF)");
}

static async Task<bool> HasLeadsAsync(IServiceProvider services)
{
    await using var scope = services.CreateAsyncScope();
    return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Leads.IgnoreQueryFilters().AnyAsync();
}
