using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
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
        var settleSeconds = Option(args, "--jit-settle", 60);
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

        var failed = 0;
        // The same load until the JIT has compiled the hot code, so the run measures the API rather than the JIT.
        var warmup = Stopwatch.StartNew();
        while (warmup.Elapsed.TotalSeconds < settleSeconds)
        {
            var before = System.Runtime.JitInfo.GetCompiledMethodCount();
            failed += await ProduceAsync(http, submissionsPerSecond, 2);
            var compiled = (System.Runtime.JitInfo.GetCompiledMethodCount() - before) / 2.0;
            if (compiled < 20)
                break;
        }
        // The warm-up's events are received before the run starts, so none of their backlog is measured.
        var warmedTo = await LastEventIdAsync(app);
        var warmupEvents = await LeadEventIdsAsync(app, after, warmedTo);
        using (var drain = new CancellationTokenSource(TimeSpan.FromMinutes(1)))
        {
            await Task.WhenAll(receivers.Select(r => r.WaitForAsync(warmedTo, drain.Token)));
            await Task.WhenAll(webhooks.Select(r => r.WaitForAsync(warmupEvents, drain.Token)));
        }
        Console.WriteLine($"Warm-up: {warmup.Elapsed.TotalSeconds:F0} s, {warmedTo - after} events");
        after = warmedTo;
        foreach (var arrivals in receivers.Select(r => r.Arrivals).Concat(webhooks.Select(r => r.Arrivals)))
            arrivals.MeasureAfter(after);

        Console.WriteLine($"Producing {eventsPerSecond} events/s ({submissionsPerSecond:F0} submissions/s, {perSubmission:F1} events each) for {seconds} s...");
        var clock = Stopwatch.StartNew();
        failed += await ProduceAsync(http, submissionsPerSecond, seconds);
        var produceSeconds = clock.Elapsed.TotalSeconds;
        var last = await LastEventIdAsync(app);
        var expected = await LeadEventIdsAsync(app, after, last);

        // Every subscriber must receive every lead event of the run; a minute is ample on a loaded machine.
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await Task.WhenAll(receivers.Select(r => r.WaitForAsync(expected.Max(), patience.Token)));
        await Task.WhenAll(webhooks.Select(r => r.WaitForAsync(expected, patience.Token)));
        var latencies = receivers.SelectMany(r => r.Arrivals.Latencies).Order().ToList();
        var missing = receivers.Sum(r => r.Arrivals.Missing(expected));
        var repeated = receivers.Sum(r => r.Arrivals.Repeats);
        Console.WriteLine($"events produced: {expected.Count} lead events ({last - after} in all) in {produceSeconds:F1} s = {(last - after) / produceSeconds:F0} events/s; failed submissions: {failed}");
        Console.WriteLine($"subscribers: {subscribers}, deliveries {latencies.Count} of {expected.Count * subscribers}, missing {missing}, repeated {repeated}");
        Console.WriteLine($"save to subscription `next`: p50 {Percentile(latencies, 0.50):F0} ms, p99 {Percentile(latencies, 0.99):F0} ms, max {latencies.LastOrDefault():F0} ms");
        var hooks = webhooks.SelectMany(r => r.Arrivals.Latencies).Order().ToList();
        var hooksMissing = webhooks.Sum(r => r.Arrivals.Missing(expected));
        var hooksRepeated = webhooks.Sum(r => r.Arrivals.Repeats);
        Console.WriteLine($"webhook receivers: {receiverCount}, deliveries {hooks.Count} of {expected.Count * receiverCount}, missing {hooksMissing}, repeated (retries) {hooksRepeated}");
        Console.WriteLine($"save to webhook received: p50 {Percentile(hooks, 0.50):F0} ms, p99 {Percentile(hooks, 0.99):F0} ms, max {hooks.LastOrDefault():F0} ms");
        foreach (var receiver in receivers)
            await receiver.DisposeAsync();
        foreach (var receiver in webhooks)
            await receiver.DisposeAsync();
        await app.StopAsync();
        return missing == 0 && repeated == 0 && hooksMissing == 0 && failed == 0 ? 0 : 1;
    }

    /// <summary>Submits at <paramref name="perSecond"/> for <paramref name="seconds"/>, each on its own; returns the failed submissions.</summary>
    private static async Task<int> ProduceAsync(HttpClient http, double perSecond, int seconds)
    {
        var clock = Stopwatch.StartNew();
        var inFlight = new List<Task>();
        var failed = 0;
        for (var i = 0; i < (int)(perSecond * seconds); i++)
        {
            var due = TimeSpan.FromSeconds(i / perSecond) - clock.Elapsed;
            if (due > TimeSpan.Zero)
                await Task.Delay(due);
            inFlight.Add(Task.Run(async () =>
            {
                if (!await SubmitAsync(http))
                    Interlocked.Increment(ref failed);
            }));
        }
        await Task.WhenAll(inFlight);
        return failed;
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

    /// <summary>
    /// The events one subscriber or receiver got after <see cref="MeasureAfter"/> (all until it is called): their ids,
    /// repeats and latencies, and the newest id of all. Thread-safe.
    /// </summary>
    private sealed class Arrivals
    {
        private readonly Lock _lock = new();
        private readonly HashSet<long> _measured = [];
        private long _measureAfter;
        private long _newest;

        public List<double> Latencies { get; } = [];

        public int Repeats { get; private set; }

        /// <summary>The highest event id that arrived.</summary>
        public long Newest => Interlocked.Read(ref _newest);

        public void Add(long id, TimeSpan latency)
        {
            lock (_lock)
            {
                _newest = Math.Max(_newest, id);
                if (id <= _measureAfter)
                    return;
                if (!_measured.Add(id))
                    Repeats++;
                Latencies.Add(latency.TotalMilliseconds);
            }
        }

        /// <summary>Only events after <paramref name="id"/> are counted from now on.</summary>
        public void MeasureAfter(long id)
        {
            lock (_lock)
            {
                _measureAfter = id;
                _measured.Clear();
                Latencies.Clear();
                Repeats = 0;
            }
        }

        /// <summary>Whether every one of <paramref name="expected"/> (all counted ones) arrived.</summary>
        public bool HasAll(List<long> expected) => Missing(expected) == 0;

        public int Missing(List<long> expected) { lock (_lock) return expected.Count(id => !_measured.Contains(id)); }
    }

    /// <summary>
    /// One WebSocket subscriber of every lead event after a given id, recording their
    /// <see cref="Arrivals"/>. Reads each message into one reused buffer and picks its fields with a reader, so the
    /// probe's own 100 subscribers take as little as they can of the cores the API needs.
    /// </summary>
    private sealed class Subscriber : IAsyncDisposable
    {
        private readonly GraphQLWsTestClient _client;
        private readonly ClientWebSocket _socket;
        private readonly Task _receiving;

        private Subscriber(GraphQLWsTestClient client, ClientWebSocket socket)
        {
            (_client, _socket) = (client, socket);
            _receiving = Task.Run(ReceiveAsync);
        }

        public Arrivals Arrivals { get; } = new();

        public static async Task<Subscriber> StartAsync(Uri endpoint, string token, long after)
        {
            var socket = new ClientWebSocket();
            socket.Options.AddSubProtocol(GraphQLWsTestClient.Subprotocol);
            await socket.ConnectAsync(endpoint, CancellationToken.None);
            var client = new GraphQLWsTestClient(socket);
            await client.InitAsync(token);
            await client.SubscribeAsync("events", $$"""subscription { leadEvents(after: "{{after}}") { id occurredAt } }""");
            return new Subscriber(client, socket);
        }

        private async Task ReceiveAsync()
        {
            var buffer = new byte[64 * 1024];
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult received;
                do
                {
                    received = await _socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                    length += received.Count;
                }
                while (!received.EndOfMessage);
                var arrived = DateTime.UtcNow;
                if (received.MessageType == WebSocketMessageType.Close)
                    throw new InvalidOperationException($"The server closed the socket: {_socket.CloseStatus} {_socket.CloseStatusDescription}");
                var (type, id, occurredAt) = Read(buffer.AsSpan(0, length));
                if (type != "next")
                    throw new InvalidOperationException($"Unexpected message: {Encoding.UTF8.GetString(buffer, 0, length)}");
                Arrivals.Add(id, arrived - occurredAt);
            }
        }

        /// <summary>The message's type, and the event's id and time of a <c>next</c>.</summary>
        private static (string? Type, long Id, DateTime OccurredAt) Read(ReadOnlySpan<byte> message)
        {
            var reader = new Utf8JsonReader(message);
            string? type = null;
            long id = 0;
            var occurredAt = default(DateTime);
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName)
                    continue;
                if (reader.CurrentDepth == 1 && reader.ValueTextEquals("type"u8) && reader.Read())
                    type = reader.GetString();
                else if (reader.CurrentDepth == 4 && reader.ValueTextEquals("id"u8) && reader.Read())
                    id = long.Parse(reader.ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
                else if (reader.CurrentDepth == 4 && reader.ValueTextEquals("occurredAt"u8) && reader.Read())
                    occurredAt = reader.GetDateTime().ToUniversalTime();
            }
            return (type, id, occurredAt);
        }

        /// <summary>Waits until the event <paramref name="last"/> (or a later one) arrived: events arrive in id order.</summary>
        public async Task WaitForAsync(long last, CancellationToken cancellationToken)
        {
            while (!cancellationToken.IsCancellationRequested && !_receiving.IsCompleted)
            {
                if (Arrivals.Newest >= last)
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

        public Arrivals Arrivals { get; } = new();

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
                receiver.Arrivals.Add(id, arrived - data.GetProperty("occurredAt").GetDateTime().ToUniversalTime());
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
                if (Arrivals.HasAll(expected))
                    return;
                await Task.Delay(100, CancellationToken.None);
            }
        }

        public async ValueTask DisposeAsync() => await _server.DisposeAsync();
    }
}
