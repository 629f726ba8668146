using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Platform.Benchmarks;

/// <summary>What one client saw: the latency of each request (Stopwatch ticks), errors and bytes received.</summary>
internal sealed record ClientResult(List<long> Latencies, int Errors, long ResponseBytes);

/// <summary>
/// Sends one request body to a GraphQL endpoint (or to several in turn, as a round-robin load balancer would) from N
/// concurrent clients in a loop for a fixed time, through one shared <see cref="HttpClient"/>. A response that is not 200 or whose JSON
/// has top-level <c>errors</c> or a non-empty payload <c>errors</c> list is an error; the first
/// error body is printed once.
/// </summary>
internal sealed class LoadRunner : IDisposable
{
    private readonly HttpClient _http;
    private readonly Scenario _scenario;
    private long _sequence = -1;
    private int _errorPrinted;

    public LoadRunner(Uri endpoint, Scenario scenario, int clients, string? accessToken)
        : this([endpoint], scenario, clients, accessToken)
    {
    }

    /// <summary>Sends the requests to <paramref name="endpoints"/> in turn.</summary>
    public LoadRunner(Uri[] endpoints, Scenario scenario, int clients, string? accessToken)
    {
        Endpoints = endpoints;
        _scenario = scenario;
        _http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = clients,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        _http.DefaultRequestHeaders.Accept.ParseAdd("application/graphql-response+json, application/json");
        if (accessToken is not null)
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
    }

    /// <summary>Where the requests go, in turn: loopback endpoints only. Set between runs, the scenario's sequence goes on.</summary>
    public Uri[] Endpoints
    {
        get;
        set
        {
            foreach (var endpoint in value)
            {
                if (!IPAddress.TryParse(endpoint.Host, out var address) || !IPAddress.IsLoopback(address))
                    throw new ArgumentException($"Only loopback endpoints are allowed, not {endpoint}.", nameof(value));
            }
            field = value;
        }
    }

    /// <summary>Runs <paramref name="clients"/> clients for <paramref name="duration"/> (requests in flight then still finish).</summary>
    public async Task<ClientResult[]> RunAsync(int clients, TimeSpan duration, int expectedRequestsPerClient)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var tasks = new Task<ClientResult>[clients];
        for (var i = 0; i < clients; i++)
        {
            var latencies = new List<long>(expectedRequestsPerClient);
            tasks[i] = Task.Run(() => RunClientAsync(end, latencies));
        }
        return await Task.WhenAll(tasks);
    }

    private async Task<ClientResult> RunClientAsync(long end, List<long> latencies)
    {
        var received = new MemoryStream(64 * 1024); // reused: keeps its capacity
        var errors = 0;
        var bytes = 0L;
        while (Stopwatch.GetTimestamp() < end)
        {
            var start = Stopwatch.GetTimestamp();
            var ok = await SendAsync(received);
            latencies.Add(Stopwatch.GetTimestamp() - start);
            if (!ok)
                errors++;
            bytes += received.Length;
        }
        return new ClientResult(latencies, errors, bytes);
    }

    /// <summary>Sends one request; true when it succeeded.</summary>
    public Task<bool> SendOnceAsync() => SendAsync(new MemoryStream());

    private async Task<bool> SendAsync(MemoryStream received)
    {
        received.SetLength(0);
        try
        {
            var sequence = Interlocked.Increment(ref _sequence);
            using var content = new ByteArrayContent(_scenario.RequestBody(sequence));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, Endpoints[sequence % Endpoints.Length]) { Content = content };
            // As behind a load balancer, every node sees the name the clients use (the token issuer is derived from it).
            request.Headers.Host = Endpoints[0].Authority;
            foreach (var (name, value) in _scenario.Headers ?? new Dictionary<string, string>())
                request.Headers.Add(name, value);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            await using (var stream = await response.Content.ReadAsStreamAsync())
                await stream.CopyToAsync(received);

            var json = received.GetBuffer().AsSpan(0, (int)received.Length);
            if (response.StatusCode == HttpStatusCode.OK && IsSuccess(json))
                return true;
            ReportOnce($"HTTP {(int)response.StatusCode}: {Encoding.UTF8.GetString(json)}");
            return false;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            ReportOnce($"{e.GetType().Name}: {e.Message}");
            return false;
        }
    }

    /// <summary>
    /// A JSON object without errors. A body without <c>"errors"</c> anywhere is only checked to be an object: reading every
    /// token of a page of leads took this client 3–4 % of the process's CPU, which the run counts as the API's.
    /// </summary>
    private static bool IsSuccess(ReadOnlySpan<byte> json)
    {
        if (json.IndexOf("\"errors\""u8) >= 0)
            return !HasErrors(json) && json.IndexOf("\"errors\":[{"u8) < 0;
        var body = json.Trim(" \t\r\n"u8);
        return body.Length >= 2 && body[0] == (byte)'{' && body[^1] == (byte)'}';
    }

    /// <summary>True when the body is not a JSON object or has a top-level <c>errors</c> member.</summary>
    private static bool HasErrors(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return true;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("errors"u8))
                    return true;
                reader.Read();
                reader.Skip();
            }
            return false;
        }
        catch (JsonException)
        {
            return true;
        }
    }

    private void ReportOnce(string message)
    {
        if (Interlocked.Exchange(ref _errorPrinted, 1) == 0)
            Console.WriteLine($"First error: {message}");
    }

    public void Dispose() => _http.Dispose();
}
