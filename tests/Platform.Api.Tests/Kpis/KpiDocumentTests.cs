using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Platform.Api.Security;
using Platform.Api.Tests.Infrastructure;
using Platform.DemoData;
using Platform.GraphQL.Server.TrustedDocuments;

namespace Platform.Api.Tests.Kpis;

/// <summary>BI tools call the trusted KPI documents over GET by id and revalidate with the ETag.</summary>
public sealed class KpiDocumentTests(DefaultApi api) : IClassFixture<DefaultApi>
{
    private static readonly string FunnelRevenueId = "sha256:" + TrustedDocumentStore.Hash(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "documents", "kpi-funnel-revenue.graphql")));

    private static readonly string Url = "/graphql?documentId=" + Uri.EscapeDataString(FunnelRevenueId) + "&variables="
        + Uri.EscapeDataString("""{"from":"2030-01-01T00:00:00Z","to":"2030-04-01T00:00:00Z"}""");

    private async Task<HttpResponseMessage> GetAsync(EntityTagHeaderValue? held = null)
    {
        await KpiFixture.SeedAsync(api);
        var bi = await api.ClientForAsync(DemoClients.Bi);
        var request = new HttpRequestMessage(HttpMethod.Get, Url);
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (held is not null)
            request.Headers.IfNoneMatch.Add(held);
        return await bi.SendAsync(request);
    }

    [Fact]
    public async Task Get_ByDocumentId_ReturnsRowsWithETagAndCacheControl()
    {
        using var response = await GetAsync();

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body["errors"] is null, body.ToJsonString());
        Assert.Equal([4, 2], body["data"]!["leadFunnelKpi"]!.AsArray().Select(r => (int)r!["leads"]!));
        Assert.Equal([60001L, 5000L], body["data"]!["revenueKpi"]!.AsArray().Select(r => (long)r!["revenueMinor"]!));
        Assert.NotNull(response.Headers.ETag);
        Assert.True(response.Headers.CacheControl is { Private: true, MaxAge: not null });
    }

    [Fact]
    public async Task Get_Unchanged_Is304()
    {
        using var first = await GetAsync();

        using var second = await GetAsync(first.Headers.ETag);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }
}
