using System.Text.Json.Nodes;
using Platform.Api.Tests.Infrastructure;
using Platform.Domain.Deals;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Tests.Orders;

/// <summary>placeOrder, recordPayment, requestInstallment and refundOrder: server-side pricing, D2, D5, winning the deal.</summary>
public abstract class OrderMutationTests<THost> where THost : ApiHost
{
    private const string OrderFields = """
        order { id number status paymentMode version grossAmount { amount } discountAmount { amount } netAmount { amount } discountBreakdown
                payments { totalCount nodes { kind amount { amount } } } deal { stage { code } stageChanges { totalCount } closedAt } }
        errors { __typename ... on Error { message code }
                 ... on InstallmentNotAllowedError { minimum { amount } }
                 ... on SinglePaymentRequiredError { expected { amount } }
                 ... on InvalidOrderStateError { status }
                 ... on ValidationError { field } ... on NotFoundError { id } ... on ConflictError { currentVersion } }
        """;

    private static readonly DateTime Now = ApiHost.SeedTime;
    private readonly THost _api;

    protected OrderMutationTests(THost api)
    {
        _api = api;
        _api.Clock.FixedAt = Now;
    }

    private async Task<JsonNode> MutateAsync(string mutation, string inputType, object input) =>
        (await _api.QueryAsync($"mutation($input: {inputType}!) {{ {mutation}(input: $input) {{ {OrderFields} }} }}", new { input }))[mutation]!;

    private Task<JsonNode> PlaceAsync(string clientId, long amount, string mode = "SINGLE", string? dealId = null) =>
        MutateAsync("placeOrder", "PlaceOrderInput", new { clientId, dealId, amount = new { amount, currency = "EUR" }, paymentMode = mode });

    private Task<JsonNode> PayAsync(string orderId, long amount, string currency = "EUR") =>
        MutateAsync("recordPayment", "RecordPaymentInput", new { orderId, amount = new { amount, currency }, reference = "BANK-1" });

    private async Task<int> OrderCountAsync(string clientId) =>
        (int)(await _api.QueryAsync("query($id: ID!) { node(id: $id) { ... on Client { orders { totalCount } } } }", new { id = clientId }))["node"]!["orders"]!["totalCount"]!;

    private static JsonNode Ok(JsonNode payload)
    {
        Assert.Empty(payload["errors"]!.AsArray());
        return payload["order"]!;
    }

    private static JsonNode Error(JsonNode payload)
    {
        Assert.Null(payload["order"]);
        return payload["errors"]!.AsArray().Single()!;
    }

    [Fact]
    public async Task PlaceOrder_ManyAtOnceForOneClient_AllSucceedWithDistinctNumbers()
    {
        var client = await _api.ClientAsync();

        var payloads = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PlaceAsync(client, 20000)));

        var numbers = payloads.Select(p => (int)Ok(p)["number"]!).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 8), numbers);
        Assert.Equal(8, await OrderCountAsync(client));
    }

    [Fact]
    public async Task PlaceOrder_ComputesTheDiscountAndStoresTheBreakdown()
    {
        var client = await _api.ClientAsync(new PastOrder(Now.AddYears(-3), 20000));

        var order = Ok(await PlaceAsync(client, 150000));

        Assert.Equal(2, (int)order["number"]!);
        Assert.Equal("PLACED", (string)order["status"]!);
        // D1 5 % and D3 10 % (three years): BEST_SINGLE grants 10 %.
        Assert.Equal((150000L, 15000L, 135000L), ((long)order["grossAmount"]!["amount"]!, (long)order["discountAmount"]!["amount"]!, (long)order["netAmount"]!["amount"]!));
        var breakdown = JsonNode.Parse((string)order["discountBreakdown"]!)!;
        Assert.Equal("BEST_SINGLE", (string)breakdown["policy"]!);
        Assert.Equal(["D1", "D3", "D4"], breakdown["rules"]!.AsArray().Select(r => (string)r!["rule"]!));
        Assert.Equal("D3", (string)breakdown["rules"]!.AsArray().Single(r => (bool)r!["applied"]!)!["rule"]!);
    }

    [Theory]
    [InlineData(74999, false)]
    [InlineData(75000, true)]
    public async Task PlaceOrder_D5_InstallmentsOnlyFrom750(long amount, bool allowed)
    {
        var client = await _api.ClientAsync();

        var payload = await PlaceAsync(client, amount, "INSTALLMENT");

        if (allowed)
        {
            Assert.Equal("INSTALLMENT", (string)Ok(payload)["paymentMode"]!);
            return;
        }
        var error = Error(payload);
        Assert.Equal("INSTALLMENT_NOT_ALLOWED", (string)error["code"]!);
        Assert.Equal(75000L, (long)error["minimum"]!["amount"]!);
        Assert.Equal(0, await OrderCountAsync(client));
    }

    [Fact]
    public async Task PlaceOrder_D2_InstallmentOrderGetsNoSingleReceiptDiscount()
    {
        var client = await _api.ClientAsync();
        var order = Ok(await PlaceAsync(client, 500000, "INSTALLMENT"));
        Assert.Equal(0L, (long)order["discountAmount"]!["amount"]!);
    }

    [Theory]
    [InlineData(0, "EUR")]
    [InlineData(100, "USD")]
    public async Task PlaceOrder_BadAmount_IsAValidationErrorAndChangesNothing(long amount, string currency)
    {
        var client = await _api.ClientAsync();

        var error = Error(await MutateAsync("placeOrder", "PlaceOrderInput", new { clientId = client, amount = new { amount, currency }, paymentMode = "SINGLE" }));

        Assert.Equal(("VALIDATION", "amount"), ((string)error["code"]!, (string)error["field"]!));
        Assert.Equal(0, await OrderCountAsync(client));
    }

    [Fact]
    public async Task PlaceOrder_UnknownClient_IsNotFound()
    {
        var id = GlobalId.Encode("Client", 987654321);
        Assert.Equal("NOT_FOUND", (string)Error(await PlaceAsync(id, 10000))["code"]!);
    }

    [Fact]
    public async Task PlaceOrder_DealOfAnotherClient_IsAValidationError()
    {
        var client = await _api.ClientAsync();
        var deal = await _api.DealAsync(await _api.ClientAsync(), PipelineStageCodes.ContractInvoiced);

        var error = Error(await PlaceAsync(client, 10000, dealId: deal));

        Assert.Equal(("VALIDATION", "dealId"), ((string)error["code"]!, (string)error["field"]!));
    }

    [Fact]
    public async Task PlaceOrder_OnALostDeal_IsAValidationError()
    {
        var client = await _api.ClientAsync();
        var deal = await _api.DealAsync(client, PipelineStageCodes.Lost);

        var error = Error(await PlaceAsync(client, 10000, dealId: deal));

        Assert.Equal(("VALIDATION", "dealId"), ((string)error["code"]!, (string)error["field"]!));
        Assert.Equal(0, await OrderCountAsync(client));
    }

    [Fact]
    public async Task RecordPayment_FullPayment_PaysTheOrderAndWinsItsDeal()
    {
        var client = await _api.ClientAsync();
        var deal = await _api.DealAsync(client, PipelineStageCodes.ContractInvoiced);
        var placed = Ok(await PlaceAsync(client, 150000, dealId: deal));

        var order = Ok(await PayAsync((string)placed["id"]!, (long)placed["netAmount"]!["amount"]!));

        Assert.Equal("PAID", (string)order["status"]!);
        Assert.Equal("WON", (string)order["deal"]!["stage"]!["code"]!);
        Assert.Equal(1, (int)order["deal"]!["stageChanges"]!["totalCount"]!);
        Assert.NotNull(order["deal"]!["closedAt"]);
    }

    [Theory]
    [InlineData(100000)] // a part
    [InlineData(150000)] // the gross, not the discounted net
    public async Task RecordPayment_D2_SingleOrderTakesOnlyOnePaymentOfItsNet(long amount)
    {
        var client = await _api.ClientAsync();
        var placed = Ok(await PlaceAsync(client, 150000));

        var error = Error(await PayAsync((string)placed["id"]!, amount));

        Assert.Equal("SINGLE_PAYMENT_REQUIRED", (string)error["code"]!);
        Assert.Equal(142500L, (long)error["expected"]!["amount"]!);
        var now = await _api.QueryAsync("query($id: ID!) { node(id: $id) { ... on Order { status payments { totalCount } } } }", new { id = (string)placed["id"]! });
        Assert.Equal(("PLACED", 0), ((string)now["node"]!["status"]!, (int)now["node"]!["payments"]!["totalCount"]!));
    }

    [Fact]
    public async Task RequestInstallment_D2_RepricesWithoutD1_ThenPartsPayTheOrder()
    {
        var client = await _api.ClientAsync();
        var placed = Ok(await PlaceAsync(client, 150000));
        Assert.Equal(7500L, (long)placed["discountAmount"]!["amount"]!);

        var order = Ok(await MutateAsync("requestInstallment", "OrderRefInput", new { orderId = (string)placed["id"]! }));
        Assert.Equal(("INSTALLMENT", 0L, 150000L), ((string)order["paymentMode"]!, (long)order["discountAmount"]!["amount"]!, (long)order["netAmount"]!["amount"]!));

        Assert.Equal("PARTIALLY_PAID", (string)Ok(await PayAsync((string)placed["id"]!, 50000))["status"]!);
        var tooMuch = Error(await PayAsync((string)placed["id"]!, 100001));
        Assert.Equal(("VALIDATION", "amount"), ((string)tooMuch["code"]!, (string)tooMuch["field"]!));
        var paid = Ok(await PayAsync((string)placed["id"]!, 100000));
        Assert.Equal(("PAID", 2), ((string)paid["status"]!, (int)paid["payments"]!["totalCount"]!));
    }

    [Theory]
    [InlineData(74999, "INSTALLMENT_NOT_ALLOWED")]
    [InlineData(75000, null)]
    public async Task RequestInstallment_D5_RefusedUnder750(long amount, string? code)
    {
        var client = await _api.ClientAsync();
        var placed = Ok(await PlaceAsync(client, amount));

        var payload = await MutateAsync("requestInstallment", "OrderRefInput", new { orderId = (string)placed["id"]! });

        if (code is null)
            Assert.Equal("INSTALLMENT", (string)Ok(payload)["paymentMode"]!);
        else
            Assert.Equal(code, (string)Error(payload)["code"]!);
    }

    [Fact]
    public async Task RequestInstallment_AfterPayment_IsAnInvalidState()
    {
        var client = await _api.ClientAsync();
        var placed = Ok(await PlaceAsync(client, 80000));
        Ok(await PayAsync((string)placed["id"]!, 80000));

        var error = Error(await MutateAsync("requestInstallment", "OrderRefInput", new { orderId = (string)placed["id"]! }));

        Assert.Equal(("INVALID_STATE", "PAID"), ((string)error["code"]!, (string)error["status"]!));
    }

    [Fact]
    public async Task RefundOrder_PaidOrder_IsRefundedOnceAndStopsCounting()
    {
        var client = await _api.ClientAsync();
        var placed = Ok(await PlaceAsync(client, 20000));
        Ok(await PayAsync((string)placed["id"]!, 20000));

        var refunded = Ok(await MutateAsync("refundOrder", "RefundOrderInput", new { orderId = (string)placed["id"]!, reference = "REFUND-1" }));
        var again = Error(await MutateAsync("refundOrder", "RefundOrderInput", new { orderId = (string)placed["id"]! }));

        Assert.Equal("REFUNDED", (string)refunded["status"]!);
        Assert.Equal(["PAYMENT", "REFUND"], refunded["payments"]!["nodes"]!.AsArray().Select(p => (string)p!["kind"]!));
        Assert.Equal("INVALID_STATE", (string)again["code"]!);
        var stats = await _api.QueryAsync("query($id: ID!) { node(id: $id) { ... on Client { paidOrderCount } } }", new { id = client });
        Assert.Equal(0, (int)stats["node"]!["paidOrderCount"]!);
    }

    [Fact]
    public async Task RecordPayment_AtAStaleVersion_IsAConflict()
    {
        var client = await _api.ClientAsync();
        var placed = Ok(await PlaceAsync(client, 80000, "INSTALLMENT"));
        Ok(await PayAsync((string)placed["id"]!, 10000));

        var error = Error(await MutateAsync("recordPayment", "RecordPaymentInput",
            new { orderId = (string)placed["id"]!, amount = new { amount = 10000, currency = "EUR" }, expectedVersion = (int)placed["version"]! }));

        Assert.Equal("CONFLICT", (string)error["code"]!);
    }
}

public sealed class DefaultOrderMutationTests(DefaultApi api) : OrderMutationTests<DefaultApi>(api), IClassFixture<DefaultApi>;

public sealed class PostgresOrderMutationTests(PostgresApi api) : OrderMutationTests<PostgresApi>(api), IClassFixture<PostgresApi>;
