using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Api;
using Platform.Api.Demo;
using Platform.Data;
using Platform.DemoData;
using Platform.Testing;

namespace Platform.Benchmarks;

/// <summary>
/// Probe of event delivery (<c>--probe events</c>): lead submissions at a paced rate produce events on a throwaway
/// PostgreSQL database while WebSocket subscribers and webhook receivers (local HTTP servers with a webhook
/// subscription each) receive every lead event; prints the events produced per second, what each subscriber and
/// receiver got (missing and repeated events) and the latency from the event's save to its arrival.
/// </summary>
internal static class EventDelivery
{
    private const string Submit = "mutation($input: SubmitLeadInput!) { submitLead(input: $input) { lead { id } } }";

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Option(args, "--seconds", 10);
        var eventsPerSecond = Option(args, "--rate", 1_000);
        var subscribers = Option(args, "--subscribers", 100);
        var receiverCount = Option(args, "--receivers", 3);
        Console.WriteLine("Starting a throwaway PostgreSQL server...");
        var connectionString = await PostgresServer.CreateDatabaseAsync("events");
        await using var app = PlatformApp.Build(["--contentRoot", AppContext.BaseDirectory], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Postgres",
                ["Database:ConnectionString"] = connectionString,
                ["Logging:LogLevel:Default"] = "Warning",
                // One client sends and receives everything; its per-minute cost budget would throttle the run.
                ["GraphQL:Limits:CostBudgetPerMinute"] = "0",
                ["GraphQL:WebSockets:MaxConnectionsPerClient"] = (subscribers + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["OAuth:RequireHttps"] = "false",
                ["OAuth:DevelopmentKeysDirectory"] = Path.Combine(Path.GetTempPath(), "platform-benchmark-keys"),
                ["Leads:Spool:Path"] = Path.Combine(Path.GetTempPath(), $"platform-bench-spool-{Guid.NewGuid():N}.db"),
                ["Webhooks:AllowLoopbackReceivers"] = "true",
            });
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        });
        await app.Services.MigrateDatabaseAsync();
        await using (var scope = app.Services.CreateAsyncScope())
            await DemoDataset.SeedAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), 200, DateTime.UtcNow);
        await DemoClientRegistration.AddMissingAsync(app.Services);
        await app.StartAsync();

        var root = new Uri(app.Urls.Single());
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 64 }) { BaseAddress = root };
        var token = await DemoTokens.GetAsync(http, DemoClients.Integration);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        // Events per submission (created, assigned by auto-assignment…), to pace submissions at the event rate.
        var first = await LastEventIdAsync(app);
        for (var i = 0; i < 20; i++)
            await SubmitAsync(http);
        var perSubmission = (await LastEventIdAsync(app) - first) / 20.0;
        var submissionsPerSecond = eventsPerSecond / perSubmission;

        var webhooks = new List<WebhookReceiver>();
        for (var i = 0; i < receiverCount; i++)
            webhooks.Add(await WebhookReceiver.StartAsync(http));
        var after = await LastEventIdAsync(app);
        var socketUri = new UriBuilder(root) { Scheme = "ws", Path = "/graphql" }.Uri;
        Console.WriteLine($"Connecting {subscribers} subscribers to leadEvents...");
        var receivers = new List<Subscriber>();
        for (var i = 0; i < subscribers; i++)
            receivers.Add(await Subscriber.StartAsync(socketUri, token, after));

        Console.WriteLine($"Producing {eventsPerSecond} events/s ({submissionsPerSecond:F0} submissions/s, {perSubmission:F1} events each) for {seconds} s...");
        var clock = Stopwatch.StartNew();
        var inFlight = new List<Task>();
        var submissions = (int)(submissionsPerSecond * seconds);
        var failed = 0;
        for (var i = 0; i < submissions; i++)
        {
            var due = TimeSpan.FromSeconds(i / submissionsPerSecond) - clock.Elapsed;
            if (due > TimeSpan.Zero)
                await Task.Delay(due);
            inFlight.Add(Task.Run(async () =>
            {
                if (!await SubmitAsync(http))
                    Interlocked.Increment(ref failed);
            }));
        }
        await Task.WhenAll(inFlight);
        var produceSeconds = clock.Elapsed.TotalSeconds;
        var last = await LastEventIdAsync(app);
        var expected = await LeadEventIdsAsync(app, after, last);

        // Every subscriber must receive every lead event of the run; a minute is ample on a loaded machine.
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await Task.WhenAll(receivers.Select(r => r.WaitForAsync(expected.Max(), patience.Token)));
        await Task.WhenAll(webhooks.Select(r => r.WaitForAsync(expected, patience.Token)));
        var latencies = receivers.SelectMany(r => r.Latencies).Order().ToList();
        var missing = receivers.Sum(r => expected.Count(id => !r.Ids.Contains(id)));
        var repeated = receivers.Sum(r => r.Repeats);
        Console.WriteLine($"events produced: {expected.Count} lead events ({last - after} in all) in {produceSeconds:F1} s = {(last - after) / produceSeconds:F0} events/s; failed submissions: {failed}");
        Console.WriteLine($"subscribers: {subscribers}, deliveries {latencies.Count} of {expected.Count * subscribers}, missing {missing}, repeated {repeated}");
        Console.WriteLine($"save to subscription `next`: p50 {Percentile(latencies, 0.50):F0} ms, p99 {Percentile(latencies, 0.99):F0} ms, max {latencies.LastOrDefault():F0} ms");
        var hooks = webhooks.SelectMany(r => r.Latencies).Order().ToList();
        var hooksMissing = webhooks.Sum(r => expected.Count(id => !r.Ids.Contains(id)));
        var hooksRepeated = webhooks.Sum(r => r.Repeats);
        Console.WriteLine($"webhook receivers: {receiverCount}, deliveries {hooks.Count} of {expected.Count * receiverCount}, missing {hooksMissing}, repeated (retries) {hooksRepeated}");
        Console.WriteLine($"save to webhook received: p50 {Percentile(hooks, 0.50):F0} ms, p99 {Percentile(hooks, 0.99):F0} ms, max {hooks.LastOrDefault():F0} ms");
        foreach (var receiver in receivers)
            await receiver.DisposeAsync();
        foreach (var receiver in webhooks)
            await receiver.DisposeAsync();
        await app.StopAsync();
        return missing == 0 && repeated == 0 && hooksMissing == 0 && failed == 0 ? 0 : 1;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    private static async Task<bool> SubmitAsync(HttpClient http)
    {
        var phone = $"+7 903 {Random.Shared.Next(1_000_000, 9_999_999)}";
        using var response = await http.PostAsJsonAsync("/graphql", new { query = Submit, variables = new { input = new { firstName = "Event", phone } } });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return response.IsSuccessStatusCode && !body.RootElement.TryGetProperty("errors", out _);
    }

    private static async Task<long> LastEventIdAsync(IHost app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().OutboxEvents.MaxAsync(e => (long?)e.Id) ?? 0;
    }

    private static async Task<List<long>> LeadEventIdsAsync(IHost app, long after, long last)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().OutboxEvents
            .Where(e => e.Id > after && e.Id <= last && e.AggregateType == "Lead").Select(e => e.Id).ToListAsync();
    }

    /// <summary>One WebSocket subscriber of every lead event after a given id, recording ids and latencies.</summary>
    private sealed class Subscriber : IAsyncDisposable
    {
        private readonly GraphQLWsTestClient _client;
        private readonly Task _receiving;
        private long _newest;

        private Subscriber(GraphQLWsTestClient client)
        {
            _client = client;
            _receiving = Task.Run(ReceiveAsync);
        }

        public HashSet<long> Ids { get; } = [];

        public List<double> Latencies { get; } = [];

        public int Repeats { get; private set; }

        public static async Task<Subscriber> StartAsync(Uri endpoint, string token, long after)
        {
            var client = await GraphQLWsTestClient.ConnectAndInitAsync(endpoint, token);
            await client.SubscribeAsync("events", $$"""subscription { leadEvents(after: "{{after}}") { id occurredAt } }""");
            return new Subscriber(client);
        }

        private async Task ReceiveAsync()
        {
            while (true)
            {
                var message = await _client.ReceiveAsync();
                var arrived = DateTime.UtcNow;
                if (message.GetProperty("type").GetString() != "next")
                    throw new InvalidOperationException($"Unexpected message: {message}");
                var e = message.GetProperty("payload").GetProperty("data").GetProperty("leadEvents");
                var id = long.Parse(e.GetProperty("id").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                lock (Ids)
                {
                    if (!Ids.Add(id))
                        Repeats++;
                    Latencies.Add((arrived - e.GetProperty("occurredAt").GetDateTime().ToUniversalTime()).TotalMilliseconds);
                    _newest = Math.Max(_newest, id);
                }
            }
        }

        /// <summary>Waits until the event <paramref name="last"/> (or a later one) arrived: events arrive in id order.</summary>
        public async Task WaitForAsync(long last, CancellationToken cancellationToken)
        {
            while (!cancellationToken.IsCancellationRequested && !_receiving.IsCompleted)
            {
                lock (Ids)
                    if (_newest >= last)
                        return;
                await Task.Delay(50, CancellationToken.None);
            }
        }

        public async ValueTask DisposeAsync() => await _client.DisposeAsync();
    }

    /// <summary>A local HTTP server with a webhook subscription to every lead event type, recording event ids and latencies.</summary>
    private sealed class WebhookReceiver : IAsyncDisposable
    {
        private const string Create = """
            mutation($input: CreateWebhookSubscriptionInput!) {
              createWebhookSubscription(input: $input) { subscription { id } errors { ... on Error { code message } } }
            }
            """;

        private static readonly string[] LeadEventTypes =
            ["lead.created", "lead.touched", "lead.assigned", "lead.distributed", "lead.status_changed", "lead.converted"];

        private readonly WebApplication _server;

        private WebhookReceiver(WebApplication server) => _server = server;

        public HashSet<long> Ids { get; } = [];

        public List<double> Latencies { get; } = [];

        public int Repeats { get; private set; }

        public static async Task<WebhookReceiver> StartAsync(HttpClient api)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var server = builder.Build();
            var receiver = new WebhookReceiver(server);
            server.MapPost("/hook", async (HttpRequest request) =>
            {
                using var body = await JsonDocument.ParseAsync(request.Body);
                var arrived = DateTime.UtcNow;
                var data = body.RootElement.GetProperty("data");
                var id = long.Parse(data.GetProperty("id").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                lock (receiver.Ids)
                {
                    if (!receiver.Ids.Add(id))
                        receiver.Repeats++;
                    receiver.Latencies.Add((arrived - data.GetProperty("occurredAt").GetDateTime().ToUniversalTime()).TotalMilliseconds);
                }
                return Results.NoContent();
            });
            await server.StartAsync();
            var url = new Uri(new Uri(server.Urls.Single()), "/hook").ToString();
            using var response = await api.PostAsJsonAsync("/graphql", new { query = Create, variables = new { input = new { url, events = LeadEventTypes, description = "benchmark receiver" } } });
            using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            if (answer.RootElement.TryGetProperty("errors", out _) || answer.RootElement.GetProperty("data").GetProperty("createWebhookSubscription").GetProperty("errors").GetArrayLength() > 0)
                throw new InvalidOperationException($"The webhook subscription was refused: {answer.RootElement}");
            return receiver;
        }

        /// <summary>Waits until every one of <paramref name="expected"/> arrived (webhooks of different objects arrive in any order).</summary>
        public async Task WaitForAsync(List<long> expected, CancellationToken cancellationToken)
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                lock (Ids)
                    if (expected.All(Ids.Contains))
                        return;
                await Task.Delay(100, CancellationToken.None);
            }
        }

        public async ValueTask DisposeAsync() => await _server.DisposeAsync();
    }
}
