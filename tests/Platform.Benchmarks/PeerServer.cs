using System.Net.Http.Json;
using Npgsql;

namespace Platform.Benchmarks;

/// <summary>
/// A peer GraphQL server on the benchmark's own database (PostGraphile 5, started by <c>scripts/postgraphile-peer.sh</c>),
/// measured with the same clients and duration right after the API (<c>--peer URL</c>): the same leads, owners,
/// clients and latest activities, asked in the peer's naming.
/// </summary>
internal static class PeerServer
{
    /// <summary><c>leads-graph</c> in PostGraphile's default naming: the same 50 leads in the same order, the same fields.</summary>
    public static readonly Scenario LeadsGraph = new(
        "leads-graph-peer",
        "leads-graph asked of the peer",
        """
        query Leads($first: Int!) { allLeads(first: $first, orderBy: [CREATED_AT_DESC, PRIMARY_KEY_DESC]) { nodes { id firstName staffUserByOwnerId { name } clientByConvertedClientId { name } activitiesByLeadId(first: 5, orderBy: [OCCURRED_AT_DESC, PRIMARY_KEY_DESC]) { nodes { type occurredAt } } } } }
        """,
        new Dictionary<string, object?> { ["first"] = 50 }) { ClientId = null };

    /// <summary>The database as a <c>postgres://</c> URL, which PostGraphile takes.</summary>
    public static string DatabaseUrl(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"postgres://{Uri.EscapeDataString(builder.Username ?? "postgres")}@{builder.Host}:{builder.Port}/{Uri.EscapeDataString(builder.Database!)}";
    }

    /// <summary>Prints how to start the peer on <paramref name="connectionString"/>'s database and waits until it answers the query.</summary>
    public static async Task WaitAsync(Uri peer, string connectionString, TimeSpan timeout)
    {
        Console.WriteLine($"Waiting for the peer at {peer}: start it on this database, e.g. PORT={peer.Port} scripts/postgraphile-peer.sh '{DatabaseUrl(connectionString)}'");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var response = await http.PostAsync(peer, new ByteArrayContent(LeadsGraph.RequestBody(0)) { Headers = { ContentType = new("application/json") } });
                var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
                if (response.IsSuccessStatusCode && !body.TryGetProperty("errors", out _))
                {
                    Console.WriteLine("The peer answers.");
                    return;
                }
                throw new InvalidOperationException($"The peer answered the query with {(int)response.StatusCode}: {body}");
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromSeconds(2));
            }
        }
    }
}
