using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Security;
using Platform.Api.Tests.Infrastructure;
using Platform.Data;
using Platform.DemoData;

namespace Platform.Api.Tests.Kpis;

/// <summary>KPIs need <c>kpi:read</c> or a staff role: a partner (which would see other partners' figures) and a CRM integration are denied.</summary>
public sealed class KpiAccessTests(DefaultApi api) : IClassFixture<DefaultApi>
{
    private const string Query = """
        { leadFunnelKpi(range: { from: "2026-01-01T00:00:00Z", to: "2026-07-01T00:00:00Z", bucket: MONTH, groupBy: PARTNER }) { dimension leads }
          firstResponseKpi(range: { from: "2026-01-01T00:00:00Z", to: "2026-07-01T00:00:00Z", bucket: MONTH }) { leads }
          revenueKpi(range: { from: "2026-01-01T00:00:00Z", to: "2026-07-01T00:00:00Z", bucket: MONTH }) { orders }
          dealKpi(range: { from: "2026-01-01T00:00:00Z", to: "2026-07-01T00:00:00Z", bucket: MONTH }) { won }
          marketingKpi(year: 2026, quarter: 1) { channel } }
        """;

    [Fact]
    public async Task Partner_GetsNothing()
    {
        string partnerClient;
        await using (var scope = api.Services.CreateAsyncScope())
            partnerClient = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Partners
                .Where(p => p.ApiClientId != null).Select(p => p.ApiClientId!).FirstAsync();

        await AssertDeniedAsync(await api.ClientForAsync(partnerClient));
    }

    [Fact]
    public async Task CrmIntegration_IsDenied() => await AssertDeniedAsync(api.Client);

    [Fact]
    public async Task Bi_ReadsEveryKpi()
    {
        var result = await api.PostAsync(await api.ClientForAsync(DemoClients.Bi), Query);

        Assert.True(result["errors"] is null, result["errors"]?.ToJsonString());
        Assert.NotEmpty(result["data"]!["leadFunnelKpi"]!.AsArray());
    }

    private async Task AssertDeniedAsync(HttpClient client)
    {
        var result = await api.PostAsync(client, Query);

        Assert.Null(result["data"]);
        Assert.Contains("ACCESS_DENIED", result["errors"]!.AsArray().Select(e => (string?)e!["extensions"]!["code"]));
    }
}
