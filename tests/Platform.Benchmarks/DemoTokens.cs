using System.Text.Json;
using Platform.DemoData;

namespace Platform.Benchmarks;

/// <summary>Access tokens of the demo clients from the self-hosted API's token endpoint, for the load and the probes.</summary>
internal static class DemoTokens
{
    public static async Task<string> GetAsync(HttpClient api, string clientId)
    {
        using var response = await api.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = DemoClients.SecretOf(clientId),
        }));
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }
}
