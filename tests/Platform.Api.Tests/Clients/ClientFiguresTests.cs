using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Clients;

/// <summary>The computed client fields at their boundaries (D3, D4, [Clients] sleeping and strategic).</summary>
public abstract class ClientFiguresTests<THost>(THost api) where THost : ApiHost
{
    private const string Query = """
        query($id: ID!) { node(id: $id) { ... on Client {
          paidOrderCount tenureYears tenureDiscountPercent nextOrderDiscount { nextOrdinal nextPercent ordersUntilDiscount discountedOrdinal discountedPercent }
          averageCheck { amount } medianPurchaseIntervalDays daysSinceLastOrder isSleeping isStrategic turnoverSharePercent } } }
        """;

    private async Task<System.Text.Json.Nodes.JsonNode> FiguresAsync(string id) => (await api.QueryAsync(Query, new { id }))["node"]!;

    [Theory] // D3: a first paid order on 29 February completes its year on 1 March in non-leap years
    [InlineData("2025-02-28", 0, 0)]
    [InlineData("2025-03-01", 1, 2.5)]
    public async Task Tenure_D3_LeapDayFirstOrder(string today, int years, decimal percent)
    {
        var client = await api.ClientAsync(new PastOrder(new DateTime(2024, 2, 29, 10, 0, 0, DateTimeKind.Utc), 10000));
        api.Clock.FixedAt = DateTime.SpecifyKind(DateTime.Parse(today), DateTimeKind.Utc).AddHours(12);

        var figures = await FiguresAsync(client);

        Assert.Equal((years, percent), ((int)figures["tenureYears"]!, (decimal)figures["tenureDiscountPercent"]!));
    }

    [Theory] // [Clients] sleeping: ≥ 2 paid orders and more than 2.5 × the median interval since the last
    [InlineData(25, false)]
    [InlineData(26, true)]
    public async Task Sleeping_AfterTwoAndAHalfMedianIntervals(int daysSinceLast, bool sleeping)
    {
        var now = ApiHost.SeedTime;
        api.Clock.FixedAt = now;
        var client = await api.ClientAsync(
            new PastOrder(now.AddDays(-daysSinceLast - 20), 10000), new PastOrder(now.AddDays(-daysSinceLast - 10), 10000), new PastOrder(now.AddDays(-daysSinceLast), 10000));

        var figures = await FiguresAsync(client);

        Assert.Equal((10m, daysSinceLast, sleeping), ((decimal)figures["medianPurchaseIntervalDays"]!, (int)figures["daysSinceLastOrder"]!, (bool)figures["isSleeping"]!));
    }

    [Fact]
    public async Task Figures_NextOrderOutlookAndStrategicClient()
    {
        var now = ApiHost.SeedTime;
        api.Clock.FixedAt = now;
        // Nine qualifying paid orders and a huge one within 12 months: the 10th gets 10 % next (D4), and the client is strategic.
        var client = await api.ClientAsync([.. Enumerable.Range(1, 8).Select(i => new PastOrder(now.AddDays(-i * 7), 10000)), new PastOrder(now.AddDays(-1), 100_000_000_00)]);

        var figures = await FiguresAsync(client);

        Assert.Equal(9, (int)figures["paidOrderCount"]!);
        Assert.Equal((10, 10m, 0), ((int)figures["nextOrderDiscount"]!["nextOrdinal"]!, (decimal)figures["nextOrderDiscount"]!["nextPercent"]!, (int)figures["nextOrderDiscount"]!["ordersUntilDiscount"]!));
        Assert.True((bool)figures["isStrategic"]!);
        Assert.True((decimal)figures["turnoverSharePercent"]! > 10m);
    }
}

public sealed class DefaultClientFiguresTests(DefaultApi api) : ClientFiguresTests<DefaultApi>(api), IClassFixture<DefaultApi>;

public sealed class PostgresClientFiguresTests(PostgresApi api) : ClientFiguresTests<PostgresApi>(api), IClassFixture<PostgresApi>;
