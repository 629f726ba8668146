using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Benchmarks;

/// <summary>
/// Probe of a node's start (<c>--probe start --published DIR</c>): launches the published API (<c>dotnet publish
/// src/Platform.Api -c Release -o DIR</c>) as a process, in Production, on a database migrated beforehand with its own
/// <c>migrate</c> command (a SQLite file, or a throwaway PostgreSQL database), and times each launch to the first 200 of
/// <c>/health/ready</c> and, right after it as a load balancer would send it, to the first successful GraphQL answer
/// with a bearer token (issued by an earlier launch: nodes that share the keys and the address, the token's issuer, accept
/// each other's tokens).
/// </summary>
internal static class StartProbe
{
    private const string Query = """{"query":"{ leads(first: 5) { totalCount nodes { id firstName status } } }"}""";
    private static readonly TimeSpan LaunchTimeout = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(string[] args)
    {
        var published = Value(args, "--published");
        var provider = Value(args, "--provider") ?? "Sqlite";
        var runs = int.Parse(Value(args, "--runs") ?? "5", CultureInfo.InvariantCulture);
        if (published is null || !File.Exists(Path.Combine(published, "Platform.Api.dll")) || provider is not ("Sqlite" or "Postgres") || runs < 1)
        {
            Console.Error.WriteLine("usage: --probe start --published DIR [--provider Sqlite|Postgres] [--runs 5]\n"
                + "DIR holds the published API: dotnet publish src/Platform.Api -c Release -o DIR");
            return 2;
        }

        var work = Directory.CreateTempSubdirectory("platform-start-probe-");
        try
        {
            if (provider == "Postgres")
                Console.WriteLine("Starting a throwaway PostgreSQL server...");
            var connectionString = provider == "Postgres"
                ? await PostgresServer.CreateDatabaseAsync("start_probe")
                : $"Data Source={Path.Combine(work.FullName, "platform.db")}";
            var node = new Node(Path.GetFullPath(published), new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Database__Provider"] = provider,
                ["Database__ConnectionString"] = connectionString,
                ["OAuth__DevelopmentKeysDirectory"] = Path.Combine(work.FullName, "keys"),
                ["OAuth__RequireHttps"] = "false",
                ["Leads__Spool__Path"] = Path.Combine(work.FullName, "spool.db"),
            });

            Console.WriteLine($"Migrating ({provider}) and adding a client with the published API's own commands...");
            await node.RunCommandAsync("migrate");
            var clientOutput = await node.RunCommandAsync("clients", "add", "--kind", "integration", "--id", "start-probe");
            var secret = clientOutput.Split('\n').Single(line => line.StartsWith("client_secret:", StringComparison.Ordinal))["client_secret:".Length..].Trim();

            // The first launch, not counted, issues the token and brings the files into the page cache.
            var token = await node.LaunchAsync(async (http, _, _) => await TokenAsync(http, secret));
            var ready = new List<double>();
            var answered = new List<double>();
            var cpu = new List<double>();
            for (var run = 1; run <= runs; run++)
            {
                var (readyMs, answerMs, cpuMs) = await node.LaunchAsync((http, launched, process) => TimeFirstAnswerAsync(http, launched, process, token));
                ready.Add(readyMs);
                answered.Add(answerMs);
                cpu.Add(cpuMs);
                Console.WriteLine($"Run {run}: ready after {readyMs:F0} ms, first GraphQL answer after {answerMs:F0} ms, {cpuMs:F0} ms of CPU");
            }

            var load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
            Console.WriteLine($"Launch to /health/ready 200:       {Summary(ready)}");
            Console.WriteLine($"Launch to first GraphQL answer:    {Summary(answered)}");
            Console.WriteLine($"CPU of the node to first answer:   {Summary(cpu)}");
            Console.WriteLine($"RESULT probe=start provider={provider} runs={runs} ready_median_ms={Median(ready):F0} answer_min_ms={answered.Min():F0} "
                + $"answer_median_ms={Median(answered):F0} answer_max_ms={answered.Max():F0} cpu_median_ms={Median(cpu):F0} load={load.Replace(' ', ',')}");
            return 0;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"Start probe failed: {e.Message}");
            return 1;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Polls readiness, then sends the query once ready; both in milliseconds since <paramref name="launched"/>, with the CPU
    /// time the node had used by the answer (on a loaded machine the wall times follow the share of the CPU it got).
    /// </summary>
    private static async Task<(double Ready, double Answered, double Cpu)> TimeFirstAnswerAsync(HttpClient http, long launched, Process node, string token)
    {
        await UntilAsync(async () => (await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK);
        var ready = Stopwatch.GetElapsedTime(launched).TotalMilliseconds;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(Query, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var answered = Stopwatch.GetElapsedTime(launched).TotalMilliseconds;
        var cpu = node.TotalProcessorTime.TotalMilliseconds;
        using var json = JsonDocument.Parse(body);
        if (!response.IsSuccessStatusCode || json.RootElement.TryGetProperty("errors", out _))
            throw new InvalidOperationException($"The first query failed ({(int)response.StatusCode}): {body}");
        return (ready, answered, cpu);
    }

    private static async Task<string> TokenAsync(HttpClient http, string secret)
    {
        await UntilAsync(async () => (await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK);
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "start-probe",
            ["client_secret"] = secret,
        }));
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>Tries <paramref name="attempt"/> every 10 ms until it succeeds; a refused connection is a failed attempt.</summary>
    private static async Task UntilAsync(Func<Task<bool>> attempt)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(LaunchTimeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            try
            {
                if (await attempt())
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (Stopwatch.GetTimestamp() > deadline)
                throw new TimeoutException($"The API did not answer within {LaunchTimeout.TotalSeconds} s of its launch.");
            await Task.Delay(10);
        }
    }

    private static string Summary(List<double> ms) => $"min {ms.Min():F0} ms, median {Median(ms):F0} ms, max {ms.Max():F0} ms";

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string? Value(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    /// <summary>The published API in <paramref name="Directory"/> (its content root) with <paramref name="Environment"/>.</summary>
    private sealed record Node(string Directory, Dictionary<string, string> Environment)
    {
        /// <summary>One address for every launch, as behind a load balancer: the tokens' issuer is the address they were issued at.</summary>
        private readonly int port = FreePort();

        /// <summary>Runs an admin command to its end and returns what it printed; a non-zero exit is an error.</summary>
        public async Task<string> RunCommandAsync(params string[] command)
        {
            using var process = Process.Start(Start(command, listen: false))!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"`{string.Join(' ', command)}` exited with {process.ExitCode}: {await error}{await output}");
            return await output;
        }

        /// <summary>Launches the API on a free port, runs <paramref name="use"/> with a client for it, the launch time and its process, then kills it.</summary>
        public async Task<T> LaunchAsync<T>(Func<HttpClient, long, Process, Task<T>> use)
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = LaunchTimeout };
            var launched = Stopwatch.GetTimestamp();
            using var process = Process.Start(Start([], listen: true))!;
            // Read what it writes, so a full pipe never blocks it.
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            try
            {
                return await use(http, launched, process);
            }
            catch (Exception e) when (e is TimeoutException or InvalidOperationException && process.HasExited)
            {
                throw new InvalidOperationException($"The API exited with {process.ExitCode}: {await error}{await output}", e);
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        private ProcessStartInfo Start(string[] arguments, bool listen)
        {
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Directory, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Path.Combine(Directory, "Platform.Api.dll"));
            foreach (var argument in arguments)
                start.ArgumentList.Add(argument);
            foreach (var (name, value) in Environment)
                start.Environment[name] = value;
            if (listen)
                start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            return start;
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
