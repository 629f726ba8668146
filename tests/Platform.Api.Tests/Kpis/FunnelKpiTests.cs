using System.Text.Json.Nodes;
using Platform.Api.Security;
using Platform.Api.Tests.Infrastructure;
using Platform.DemoData;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Tests.Kpis;

/// <summary>
/// pipelineKpi, proposalTimeKpi, hourglassKpi and salesPlanKpi against the hand-computed <see cref="FunnelKpiFixture"/>
/// (2031), through the API with a <c>kpi:read</c> token (T4, T8).
/// </summary>
public abstract class FunnelKpiTests<THost>(THost api) where THost : ApiHost
{
    private const string Pipeline = """
        query($range: KpiRange!) { pipelineKpi(range: $range) { pipelineId name
          stages { bucketStart dimension stageCode position terminal deals conversionFromPrevious dropOff }
          outcomes { bucketStart currency won lost winRate wonAmountMinor averageDealSizeMinor } } }
        """;

    private const string Proposal = """
        query($range: KpiRange!) { proposalTimeKpi(range: $range) { bucketStart dimension proposals averageHours medianHours } }
        """;

    private const string Hourglass = """
        query($range: KpiRange!) { hourglassKpi(range: $range) { bucketStart stage count conversionFromPrevious dropOff } }
        """;

    private const string SalesPlan = """
        query($year: Int!, $quarter: Int!) { salesPlanKpi(year: $year, quarter: $quarter) { manager currency targetMinor revenueMinor fulfilment } }
        """;

    private static object Range(string from, string to, string bucket, string? groupBy = null) => new { range = new { from, to, bucket, groupBy } };

    private async Task<JsonObject> DataAsync(string query, object variables)
    {
        await FunnelKpiFixture.SeedAsync(api);
        var bi = await api.ClientForAsync(DemoClients.Bi);
        var result = await api.PostAsync(bi, query, variables);
        Assert.True(result["errors"] is null, result["errors"]?.ToJsonString());
        return result["data"]!.AsObject();
    }

    private async Task<JsonArray> RowsAsync(string query, object variables) => (await DataAsync(query, variables)).First().Value!.AsArray();

    private static string[] Table(JsonArray rows, params string[] fields) =>
        rows.Select(row => string.Join(" ", fields.Select(f => $"{f}={Format(row![f])}"))).ToArray();

    private static string Format(JsonNode? value) => value switch
    {
        null => "null",
        JsonValue v when v.TryGetValue<double>(out var d) => Math.Round(d, 4).ToString(System.Globalization.CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<string>(out var s) && s.Length > 10 && DateTime.TryParse(s, null, System.Globalization.DateTimeStyles.AdjustToUniversal, out var t) => t.ToString("yyyy-MM-dd"),
        _ => value.ToString(),
    };

    private static string Manager(long id) => GlobalId.Encode("StaffUser", id);

    [Fact] // funnel conversion from the stage history; Jan: NEW A B C D, CONTACTED A B C, NEEDS A B D, PROPOSAL A B C, then A alone to WON; Feb: E to PROPOSAL, B lost
    public async Task Pipeline_StageCountsConversionAndDropOff_Monthly()
    {
        var data = await DataAsync(Pipeline, Range("2031-01-01T00:00:00Z", "2031-03-01T00:00:00Z", "MONTH"));
        var kpi = data["pipelineKpi"]!;

        Assert.Equal(GlobalId.Encode("Pipeline", 1), (string?)kpi["pipelineId"]); // the default pipeline
        Assert.Equal(
            [
                "bucketStart=2031-01-01 stageCode=NEW position=1 terminal=false deals=4 conversionFromPrevious=null dropOff=null",
                "bucketStart=2031-01-01 stageCode=CONTACTED position=2 terminal=false deals=3 conversionFromPrevious=75 dropOff=1",
                "bucketStart=2031-01-01 stageCode=NEEDS_IDENTIFIED position=3 terminal=false deals=3 conversionFromPrevious=100 dropOff=0",
                "bucketStart=2031-01-01 stageCode=PROPOSAL_SENT position=4 terminal=false deals=3 conversionFromPrevious=100 dropOff=0",
                "bucketStart=2031-01-01 stageCode=START_OF_WORK_AGREED position=5 terminal=false deals=1 conversionFromPrevious=33.3333 dropOff=2",
                "bucketStart=2031-01-01 stageCode=CONTRACT_INVOICED position=6 terminal=false deals=1 conversionFromPrevious=100 dropOff=0",
                "bucketStart=2031-01-01 stageCode=WON position=7 terminal=false deals=1 conversionFromPrevious=100 dropOff=0",
                "bucketStart=2031-01-01 stageCode=LOST position=8 terminal=true deals=0 conversionFromPrevious=null dropOff=null",
                // Feb 1 00:00 belongs to February; a step after a zero step has no conversion (never a division by zero)
                "bucketStart=2031-02-01 stageCode=NEW position=1 terminal=false deals=1 conversionFromPrevious=null dropOff=null",
                "bucketStart=2031-02-01 stageCode=CONTACTED position=2 terminal=false deals=1 conversionFromPrevious=100 dropOff=0",
                "bucketStart=2031-02-01 stageCode=NEEDS_IDENTIFIED position=3 terminal=false deals=1 conversionFromPrevious=100 dropOff=0",
                "bucketStart=2031-02-01 stageCode=PROPOSAL_SENT position=4 terminal=false deals=1 conversionFromPrevious=100 dropOff=0",
                "bucketStart=2031-02-01 stageCode=START_OF_WORK_AGREED position=5 terminal=false deals=0 conversionFromPrevious=0 dropOff=1",
                "bucketStart=2031-02-01 stageCode=CONTRACT_INVOICED position=6 terminal=false deals=0 conversionFromPrevious=null dropOff=0",
                "bucketStart=2031-02-01 stageCode=WON position=7 terminal=false deals=0 conversionFromPrevious=null dropOff=0",
                "bucketStart=2031-02-01 stageCode=LOST position=8 terminal=true deals=1 conversionFromPrevious=null dropOff=null",
            ],
            Table(kpi["stages"]!.AsArray(), "bucketStart", "stageCode", "position", "terminal", "deals", "conversionFromPrevious", "dropOff"));
        // dealKpi's figures for the pipeline: A won in January, B lost in February
        Assert.Equal(
            [
                "bucketStart=2031-01-01 currency=EUR won=1 lost=0 winRate=100 wonAmountMinor=100000 averageDealSizeMinor=100000",
                "bucketStart=2031-02-01 currency=EUR won=0 lost=1 winRate=0 wonAmountMinor=0 averageDealSizeMinor=null",
            ],
            Table(kpi["outcomes"]!.AsArray(), "bucketStart", "currency", "won", "lost", "winRate", "wonAmountMinor", "averageDealSizeMinor"));
    }

    [Fact] // MANAGER is the deal's owner: m2's deal C skipped NEEDS_IDENTIFIED, so PROPOSAL_SENT follows a zero step
    public async Task Pipeline_ByManager_ZeroStageGivesNullConversion()
    {
        var (m1, m2) = await FunnelKpiFixture.SeedAsync(api);

        var stages = (await DataAsync(Pipeline, Range("2031-01-01T00:00:00Z", "2031-02-01T00:00:00Z", "QUARTER", "MANAGER")))["pipelineKpi"]!["stages"]!.AsArray();

        Assert.Equal(
            [
                "stageCode=NEW deals=1 conversionFromPrevious=null dropOff=null",
                "stageCode=CONTACTED deals=1 conversionFromPrevious=100 dropOff=0",
                "stageCode=NEEDS_IDENTIFIED deals=0 conversionFromPrevious=0 dropOff=1",
                "stageCode=PROPOSAL_SENT deals=1 conversionFromPrevious=null dropOff=-1",
                "stageCode=START_OF_WORK_AGREED deals=0 conversionFromPrevious=0 dropOff=1",
                "stageCode=CONTRACT_INVOICED deals=0 conversionFromPrevious=null dropOff=0",
                "stageCode=WON deals=0 conversionFromPrevious=null dropOff=0",
                "stageCode=LOST deals=0 conversionFromPrevious=null dropOff=null",
            ],
            Table(new JsonArray(stages.Where(r => (string?)r!["dimension"] == Manager(m2)).Select(r => r!.DeepClone()).ToArray()), "stageCode", "deals", "conversionFromPrevious", "dropOff"));
        Assert.Equal(["2", "2", "2", "2", "1", "1", "1", "0"], stages.Where(r => (string?)r!["dimension"] == Manager(m1)).Select(r => r!["deals"]!.ToString()));
        Assert.Equal(["1", "0", "1", "0", "0", "0", "0", "0"], stages.Where(r => r!["dimension"] is null).Select(r => r!["deals"]!.ToString())); // deal D has no owner
    }

    [Fact]
    public async Task Pipeline_EmptyRangeAndUnknownPipeline()
    {
        var empty = await DataAsync(Pipeline, Range("2031-06-01T00:00:00Z", "2031-07-01T00:00:00Z", "MONTH"));
        var bi = await api.ClientForAsync(DemoClients.Bi);
        var unknown = await api.PostAsync(bi, """
            query($range: KpiRange!, $id: ID) { pipelineKpi(range: $range, pipelineId: $id) { name } }
            """, new { range = new { from = "2031-01-01T00:00:00Z", to = "2031-02-01T00:00:00Z", bucket = "MONTH" }, id = GlobalId.Encode("Pipeline", 999999) });

        Assert.Empty(empty["pipelineKpi"]!["stages"]!.AsArray());
        Assert.Empty(empty["pipelineKpi"]!["outcomes"]!.AsArray());
        Assert.Equal("NOT_FOUND", (string?)unknown["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact] // T4, Jan: A 24 h (needs → proposal), B 48 h, C 78 h from creation (needs skipped); Feb: D 240 h to proposalSentAt; E left out (needs after proposal)
    public async Task ProposalTime_AverageAndMedian_Monthly()
    {
        var rows = await RowsAsync(Proposal, Range("2031-01-01T00:00:00Z", "2031-03-01T00:00:00Z", "MONTH"));

        Assert.Equal(
            [
                "bucketStart=2031-01-01 dimension=null proposals=3 averageHours=50 medianHours=48",
                "bucketStart=2031-02-01 dimension=null proposals=1 averageHours=240 medianHours=240",
            ],
            Table(rows, "bucketStart", "dimension", "proposals", "averageHours", "medianHours"));
    }

    [Fact] // per manager (deal owner), January: m1 24 h and 48 h → median of an even count = mean of the middle two; m2 78 h
    public async Task ProposalTime_ByManager()
    {
        var (m1, m2) = await FunnelKpiFixture.SeedAsync(api);

        var rows = await RowsAsync(Proposal, Range("2031-01-01T00:00:00Z", "2031-02-01T00:00:00Z", "MONTH", "MANAGER"));

        Assert.Equal(
            new[] { $"dimension={Manager(m1)} proposals=2 averageHours=36 medianHours=36", $"dimension={Manager(m2)} proposals=1 averageHours=78 medianHours=78" }.Order(StringComparer.Ordinal),
            Table(rows, "dimension", "proposals", "averageHours", "medianHours").Order(StringComparer.Ordinal));
    }

    [Fact] // range edges: D's proposal at Feb 1 12:00 is outside [Jan 1, Feb 1 12:00) and inside [Feb 1 12:00, Feb 2); an empty range has no rows
    public async Task ProposalTime_RangeEdgesAndEmptyRange()
    {
        var before = await RowsAsync(Proposal, Range("2031-01-20T00:00:00Z", "2031-02-01T12:00:00Z", "MONTH"));
        var from = await RowsAsync(Proposal, Range("2031-02-01T12:00:00Z", "2031-02-02T00:00:00Z", "DAY"));
        var empty = await RowsAsync(Proposal, Range("2031-06-01T00:00:00Z", "2031-07-01T00:00:00Z", "MONTH"));

        Assert.Empty(before);
        Assert.Equal(["bucketStart=2031-02-01 proposals=1"], Table(from, "bucketStart", "proposals"));
        Assert.Empty(empty);
    }

    [Fact] // hourglass, mapping in HourglassKpis; Jan 31 23:59:59 counts in January, Feb 1 00:00 in February, Mar 1 (range end) nowhere
    public async Task Hourglass_StageCountsAndDropOff_Monthly()
    {
        var rows = await RowsAsync(Hourglass, Range("2031-01-01T00:00:00Z", "2031-03-01T00:00:00Z", "MONTH"));

        Assert.Equal(
            [
                "bucketStart=2031-01-01 stage=KNOW count=7 conversionFromPrevious=null dropOff=null", // 3 anonymous interests + 4 leads
                "bucketStart=2031-01-01 stage=LIKE count=4 conversionFromPrevious=57.1429 dropOff=3",
                "bucketStart=2031-01-01 stage=TRUST count=1 conversionFromPrevious=25 dropOff=3",
                "bucketStart=2031-01-01 stage=TRY count=3 conversionFromPrevious=300 dropOff=-2", // proposals A, B, C
                "bucketStart=2031-01-01 stage=BUY count=2 conversionFromPrevious=66.6667 dropOff=1", // K1, K2 (K2's refunded order is no purchase)
                "bucketStart=2031-01-01 stage=REPEAT count=1 conversionFromPrevious=50 dropOff=1", // K1 twice, counted once
                "bucketStart=2031-01-01 stage=REFER count=2 conversionFromPrevious=200 dropOff=-1", // the rejected referral is left out
                "bucketStart=2031-02-01 stage=KNOW count=2 conversionFromPrevious=null dropOff=null",
                "bucketStart=2031-02-01 stage=LIKE count=1 conversionFromPrevious=50 dropOff=1",
                "bucketStart=2031-02-01 stage=TRUST count=2 conversionFromPrevious=200 dropOff=-1",
                "bucketStart=2031-02-01 stage=TRY count=2 conversionFromPrevious=100 dropOff=0", // D (proposalSentAt) and E
                "bucketStart=2031-02-01 stage=BUY count=1 conversionFromPrevious=50 dropOff=1", // K3's first paid order
                "bucketStart=2031-02-01 stage=REPEAT count=1 conversionFromPrevious=100 dropOff=0",
                "bucketStart=2031-02-01 stage=REFER count=0 conversionFromPrevious=0 dropOff=1",
            ],
            Table(rows, "bucketStart", "stage", "count", "conversionFromPrevious", "dropOff"));
    }

    [Fact]
    public async Task Hourglass_EmptyRange_HasNoRows()
    {
        Assert.Empty(await RowsAsync(Hourglass, Range("2031-06-01T00:00:00Z", "2031-07-01T00:00:00Z", "QUARTER")));
    }

    [Fact] // T8, Q1 2031 EUR: K1 (m1) 10000 + 20000 + 5000 + 5000 + 7000 (Mar 1), K2 (m2) 30000 (refunded and USD left out), K3 15000
    public async Task SalesPlan_FulfilmentForTeamAndManagers()
    {
        var (m1, m2) = await FunnelKpiFixture.SeedAsync(api);

        var q1 = await RowsAsync(SalesPlan, new { year = 2031, quarter = 1 });
        var q2 = await RowsAsync(SalesPlan, new { year = 2031, quarter = 2 });

        Assert.Equal(
            [
                "manager=null currency=EUR targetMinor=100000 revenueMinor=92000 fulfilment=92",
                $"manager={Manager(m1)} currency=EUR targetMinor=50000 revenueMinor=47000 fulfilment=94",
                $"manager={Manager(m2)} currency=EUR targetMinor=0 revenueMinor=30000 fulfilment=null", // a zero target: no percentage
            ],
            Table(q1, "manager", "currency", "targetMinor", "revenueMinor", "fulfilment"));
        // Q2 starts Apr 1 00:00 (K1's 9999); no team plan → null target and fulfilment
        Assert.Equal(
            ["manager=null targetMinor=null revenueMinor=9999 fulfilment=null", $"manager={Manager(m1)} targetMinor=33330 revenueMinor=9999 fulfilment=30"],
            Table(q2, "manager", "targetMinor", "revenueMinor", "fulfilment"));
    }

    [Fact] // one request costs a fixed number of statements: pipeline stages + stage counts + outcomes; one for proposal time; seven for the hourglass; two for plans
    public async Task SqlStatements_PerRequest()
    {
        await FunnelKpiFixture.SeedAsync(api);
        var bi = await api.ClientForAsync(DemoClients.Bi);
        await api.PostAsync(bi, "{ __typename }");
        var counts = new List<int>();
        foreach (var (query, variables) in new[]
                 {
                     (Pipeline, Range("2031-01-01T00:00:00Z", "2031-03-01T00:00:00Z", "MONTH", "MANAGER")),
                     (Proposal, Range("2031-01-01T00:00:00Z", "2031-03-01T00:00:00Z", "WEEK", "CHANNEL")),
                     (Hourglass, Range("2031-01-01T00:00:00Z", "2031-03-01T00:00:00Z", "DAY")),
                     (SalesPlan, (object)new { year = 2031, quarter = 1 }),
                 })
        {
            api.Sql.Clear();
            var result = await api.PostAsync(bi, query, variables);
            Assert.True(result["errors"] is null, result["errors"]?.ToJsonString());
            counts.Add(api.Sql.Count);
        }

        Assert.Equal([3, 1, 7, 2], counts);
    }

    [Fact] // the trusted BI document runs by id over GET (schema/documents/kpi-pipeline-hourglass.graphql)
    public async Task TrustedDocument_PipelineHourglass_RunsByIdOverGet()
    {
        await FunnelKpiFixture.SeedAsync(api);
        var id = "sha256:" + Platform.GraphQL.Server.TrustedDocuments.TrustedDocumentStore.Hash(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "documents", "kpi-pipeline-hourglass.graphql")));
        var bi = await api.ClientForAsync(DemoClients.Bi);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?documentId=" + Uri.EscapeDataString(id) + "&variables="
            + Uri.EscapeDataString("""{"from":"2031-01-01T00:00:00Z","to":"2031-02-01T00:00:00Z"}"""));
        request.Headers.Accept.ParseAdd("application/graphql-response+json");

        using var response = await bi.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.True(body["errors"] is null, body["errors"]?.ToJsonString());
        Assert.Equal(8, body["data"]!["pipelineKpi"]!["stages"]!.AsArray().Count);
        Assert.Equal("proposals=3", Table(body["data"]!["proposalTimeKpi"]!.AsArray(), "proposals").Single());
        Assert.Equal("KNOW=7", Table(body["data"]!["hourglassKpi"]!.AsArray(), "count").Select(c => "KNOW=" + c[6..]).First());
    }

    [Fact] // the KPI fields need kpi:read; the plan mutations crm:write, which the BI client lacks
    public async Task Access_KpiReadForQueries_CrmWriteForPlans()
    {
        var bi = await api.ClientForAsync(DemoClients.Bi);

        var result = await api.PostAsync(bi, """
            mutation { setSalesPlan(input: { year: 2031, quarter: 4, target: { amount: 1, currency: "EUR" } }) { errors { code } } }
            """);
        var anonymous = await api.PostAsync(api.Anonymous, "{ hourglassKpi(range: { from: \"2031-01-01T00:00:00Z\", to: \"2031-02-01T00:00:00Z\", bucket: MONTH }) { count } }");

        Assert.NotNull(result["errors"]);
        Assert.Null(result["data"]?["setSalesPlan"]);
        Assert.NotNull(anonymous["errors"]);
    }
}

public sealed class DefaultFunnelKpiTests(DefaultApi api) : FunnelKpiTests<DefaultApi>(api), IClassFixture<DefaultApi>;

public sealed class PostgresFunnelKpiTests(PostgresApi api) : FunnelKpiTests<PostgresApi>(api), IClassFixture<PostgresApi>;
