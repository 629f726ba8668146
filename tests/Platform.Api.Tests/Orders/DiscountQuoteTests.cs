using System.Text.Json.Nodes;
using Platform.Api.Tests.Infrastructure;
using Platform.Domain.Orders;

namespace Platform.Api.Tests.Orders;

/// <summary>The loyalty rules (D1–D6) at their boundaries through <c>discountQuote</c>.</summary>
public abstract class DiscountQuoteTests<THost> where THost : ApiHost
{
    private const string Query = """
        query($clientId: ID!, $amount: MoneyInput!, $mode: PaymentMode!) {
          discountQuote(clientId: $clientId, amount: $amount, paymentMode: $mode) {
            gross { amount } discount { amount } net { amount } percent policy capped installmentAllowed
            rules { ruleId eligible applied code reason percent amount { amount currency } }
            nextOrder { nextOrdinal nextPercent ordersUntilDiscount discountedOrdinal discountedPercent }
          }
        }
        """;

    private static readonly DateTime Now = ApiHost.SeedTime;
    private readonly THost _api;

    protected DiscountQuoteTests(THost api)
    {
        _api = api;
        _api.Clock.FixedAt = Now;
    }

    private async Task<JsonNode> QuoteAsync(string clientId, long amount, string mode = "SINGLE") =>
        (await _api.QueryAsync(Query, new { clientId, amount = new { amount, currency = "EUR" }, mode }))["discountQuote"]!;

    private static JsonNode Rule(JsonNode quote, string id) => quote["rules"]!.AsArray().Single(r => (string)r!["ruleId"]! == id)!;

    [Theory]
    [InlineData(149999, 0, 149999)]
    [InlineData(150000, 5, 142500)]
    [InlineData(299999, 5, 284999)] // 2999.99 − 149.9995 → 2849.99 (half to even on the final amount)
    [InlineData(300000, 10, 270000)]
    [InlineData(499999, 10, 449999)]
    [InlineData(500000, 15, 425000)]
    public async Task DiscountQuote_D1_SingleReceiptTiers(long amount, decimal percent, long net)
    {
        var client = await _api.ClientAsync();

        var quote = await QuoteAsync(client, amount);

        Assert.Equal(percent, (decimal)quote["percent"]!);
        Assert.Equal(net, (long)quote["net"]!["amount"]!);
        Assert.Equal(percent > 0, (bool)Rule(quote, "D1")["applied"]!);
    }

    [Fact]
    public async Task DiscountQuote_D2_InstallmentGetsNoSingleReceiptDiscount()
    {
        var client = await _api.ClientAsync();

        var quote = await QuoteAsync(client, 500000, "INSTALLMENT");

        Assert.Equal("NOT_SINGLE_PAYMENT", (string)Rule(quote, "D1")["code"]!);
        Assert.Equal(0m, (decimal)quote["percent"]!);
    }

    [Theory]
    [InlineData(-1, 0, "TENURE_TOO_SHORT")] // first paid order a year ago tomorrow
    [InlineData(0, 2.5, "TENURE_REACHED")]  // exactly a year ago
    [InlineData(365, 5, "TENURE_REACHED")]  // 2024-06-01: two years
    [InlineData(731, 10, "TENURE_REACHED")] // 2023-06-01: three years
    public async Task DiscountQuote_D3_TenureFromTheFirstPaidOrder(int extraDays, decimal percent, string code)
    {
        var client = await _api.ClientAsync(new PastOrder(Now.AddYears(-1).AddDays(-extraDays), 5000));

        var d3 = Rule(await QuoteAsync(client, 10000), "D3");

        Assert.Equal((percent, code), ((decimal)d3["percent"]!, (string)d3["code"]!));
    }

    [Theory]
    [InlineData(3, 0)]  // the 4th qualifying order
    [InlineData(4, 5)]  // the 5th
    [InlineData(8, 0)]  // the 9th
    [InlineData(9, 10)] // the 10th: 10 %, not 5 % + 10 %
    [InlineData(10, 0)] // the 11th
    [InlineData(14, 5)] // the 15th
    [InlineData(19, 10)] // the 20th
    public async Task DiscountQuote_D4_EveryFifthAndTenthQualifyingOrder(int paidQualifying, decimal percent)
    {
        var past = Enumerable.Range(1, paidQualifying).Select(i => new PastOrder(Now.AddDays(-i), 10000))
            .Append(new PastOrder(Now.AddDays(-50), 9999)) // under 100 €: does not count (D4)
            .Append(new PastOrder(Now.AddDays(-60), 50000, OrderStatus.Refunded)) // not paid: does not count
            .ToArray();
        var client = await _api.ClientAsync(past);

        var quote = await QuoteAsync(client, 10000);

        Assert.Equal(percent, (decimal)Rule(quote, "D4")["percent"]!);
        Assert.Equal(paidQualifying + 1, (int)quote["nextOrder"]!["nextOrdinal"]!);
        Assert.Equal(percent, (decimal)quote["nextOrder"]!["nextPercent"]!);
    }

    [Theory]
    [InlineData(9999, "BELOW_MINIMUM")]
    [InlineData(10000, "NTH_ORDER")]
    public async Task DiscountQuote_D4_OrdersUnder100NeitherCountNorQualify(long amount, string code)
    {
        var client = await _api.ClientAsync(Enumerable.Range(1, 4).Select(i => new PastOrder(Now.AddDays(-i), 10000)).ToArray());

        Assert.Equal(code, (string)Rule(await QuoteAsync(client, amount), "D4")["code"]!);
    }

    [Theory]
    [InlineData(74999, false)]
    [InlineData(75000, true)]
    public async Task DiscountQuote_D5_InstallmentsFrom750(long amount, bool allowed)
    {
        var client = await _api.ClientAsync();
        Assert.Equal(allowed, (bool)(await QuoteAsync(client, amount, "INSTALLMENT"))["installmentAllowed"]!);
    }

    [Fact]
    public async Task DiscountQuote_D6_BestSingleExplainsEveryRule()
    {
        // Two years of tenure (5 %) and the 5th qualifying order (5 %); a 3000 € single receipt (10 %).
        var client = await _api.ClientAsync(Enumerable.Range(0, 4).Select(i => new PastOrder(Now.AddYears(-2).AddDays(i), 10000)).ToArray());

        var quote = await QuoteAsync(client, 300000);

        Assert.Equal(("BEST_SINGLE", 10m, 30000L), ((string)quote["policy"]!, (decimal)quote["percent"]!, (long)quote["discount"]!["amount"]!));
        Assert.Equal(["TIER_REACHED", "NOT_LARGEST", "NOT_LARGEST"], quote["rules"]!.AsArray().Select(r => (string)r!["code"]!));
        Assert.Equal(15000L, (long)Rule(quote, "D3")["amount"]!["amount"]!);
    }

    [Fact]
    public async Task DiscountQuote_UnknownClient_IsNull()
    {
        var quote = await _api.QueryAsync(Query, new { clientId = Platform.GraphQL.Server.Relay.GlobalId.Encode("Client", 987654321), amount = new { amount = 100, currency = "EUR" }, mode = "SINGLE" });
        Assert.Null(quote["discountQuote"]);
    }

    [Theory]
    [InlineData(0, "EUR")]
    [InlineData(100, "USD")]
    public async Task DiscountQuote_BadAmount_IsAnInvalidAmountError(long amount, string currency)
    {
        var client = await _api.ClientAsync();
        var result = await _api.PostAsync(Query, new { clientId = client, amount = new { amount, currency }, mode = "SINGLE" });
        Assert.Equal("INVALID_AMOUNT", (string)result["errors"]![0]!["extensions"]!["code"]!);
    }
}

public sealed class DefaultDiscountQuoteTests(DefaultApi api) : DiscountQuoteTests<DefaultApi>(api), IClassFixture<DefaultApi>;

public sealed class PostgresDiscountQuoteTests(PostgresApi api) : DiscountQuoteTests<PostgresApi>(api), IClassFixture<PostgresApi>;
