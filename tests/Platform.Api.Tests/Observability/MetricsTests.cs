using System.Net;
using System.Net.Http.Headers;
using OpenTelemetry.Metrics;
using Platform.Api.Tests.Leads;
using Platform.DemoData;

namespace Platform.Api.Tests.Observability;

/// <summary>The API's own metrics where the facts happen, and the Prometheus endpoint that serves them to allowed callers only.</summary>
public sealed class MetricsTests(ObservedApi api) : IClassFixture<ObservedApi>
{
    [Fact]
    public async Task LeadSubmissions_AreCountedByOutcome_WithTheOperationsThatMadeThem()
    {
        Assert.Empty((await api.SubmitAsync(api.LandingForm()))["errors"]!.AsArray());
        Assert.NotEmpty((await api.SubmitAsync(LeadApi.Form(("phone", "12"))))["errors"]!.AsArray());

        var metrics = api.CollectMetrics();

        var submissions = Points(metrics["platform.leads.submissions"]);
        Assert.Equal(1, submissions.Single(p => Tag(p, "outcome") == "accepted").GetSumLong());
        Assert.Equal(1, submissions.Single(p => Tag(p, "outcome") == "rejected").GetSumLong());
        Assert.Equal(0, Points(metrics["platform.leads.spool.depth"]).Single().GetGaugeLastValueLong());
        var mutations = Points(metrics["graphql.server.operation.duration"]).Where(p => Tag(p, "graphql.operation.type") == "mutation");
        Assert.Equal(2, mutations.Sum(p => p.GetHistogramCount()));
        Assert.True(Points(metrics["graphql.server.operation.cost"]).Sum(p => p.GetSumLong()) > 0);
    }

    [Fact]
    public async Task MetricsEndpoint_RefusesAnonymousCallersAndClientsWithoutTheScope()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Client.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task MetricsEndpoint_ServesPrometheusTextToAClientGrantedMetricsRead()
    {
        var scraper = await api.ClientForAsync(DemoClients.Bi, scope: "metrics:read");

        using var response = await scraper.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("# TYPE platform_leads_spool_depth gauge", text);
        Assert.Contains("http_server_request_duration_seconds_bucket", text);
    }

    private static List<MetricPoint> Points(MetricSnapshot metric) => [.. metric.MetricPoints];

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
                return tag.Value as string;
        }
        return null;
    }
}
