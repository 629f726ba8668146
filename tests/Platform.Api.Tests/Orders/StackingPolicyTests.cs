using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Orders;

/// <summary>D6 through configuration: the ADDITIVE policy sums the rules up to Loyalty:MaxTotalBasisPoints.</summary>
public abstract class StackingPolicyTests<THost> where THost : ApiHost
{
    private const string Query = """
        query($clientId: ID!, $amount: MoneyInput!) {
          discountQuote(clientId: $clientId, amount: $amount, paymentMode: SINGLE) { policy percent capped discount { amount } rules { ruleId applied } }
        }
        """;

    private readonly THost _api;

    protected StackingPolicyTests(THost api)
    {
        _api = api;
        _api.Clock.FixedAt = ApiHost.SeedTime;
    }

    [Theory]
    [InlineData(300000, 4, 20, false)] // D1 10 + D3 5 + D4 5 = 20 %
    [InlineData(500000, 9, 25, true)]  // D1 15 + D3 5 + D4 10 = 30 % → capped at 25 %
    public async Task DiscountQuote_D6_AdditiveSumsUpToTheCap(long amount, int paidQualifying, decimal percent, bool capped)
    {
        var twoYearsAgo = ApiHost.SeedTime.AddYears(-2);
        var client = await _api.ClientAsync(Enumerable.Range(0, paidQualifying).Select(i => new PastOrder(twoYearsAgo.AddDays(i), 10000)).ToArray());

        var quote = (await _api.QueryAsync(Query, new { clientId = client, amount = new { amount, currency = "EUR" } }))["discountQuote"]!;

        Assert.Equal(("ADDITIVE", percent, capped), ((string)quote["policy"]!, (decimal)quote["percent"]!, (bool)quote["capped"]!));
        Assert.Equal(amount * (long)percent / 100, (long)quote["discount"]!["amount"]!);
        Assert.All(quote["rules"]!.AsArray(), r => Assert.True((bool)r!["applied"]!));
    }
}

public sealed class AdditiveLoyaltyApi() : ApiHost(Environment.GetEnvironmentVariable("PLATFORM_TEST_PROVIDER") ?? "Sqlite")
{
    protected override void Configure(WebApplicationBuilder builder) => builder.Configuration["Loyalty:StackingPolicy"] = "Additive";
}

public sealed class AdditiveLoyaltyPostgresApi() : ApiHost("Postgres")
{
    protected override void Configure(WebApplicationBuilder builder) => builder.Configuration["Loyalty:StackingPolicy"] = "Additive";
}

public sealed class DefaultStackingPolicyTests(AdditiveLoyaltyApi api) : StackingPolicyTests<AdditiveLoyaltyApi>(api), IClassFixture<AdditiveLoyaltyApi>;

public sealed class PostgresStackingPolicyTests(AdditiveLoyaltyPostgresApi api) : StackingPolicyTests<AdditiveLoyaltyPostgresApi>(api), IClassFixture<AdditiveLoyaltyPostgresApi>;

/// <summary>Loyalty configuration is validated when the API starts, not at the first quote.</summary>
public sealed class LoyaltyOptionsTests
{
    [Theory]
    [InlineData("Loyalty:ReceiptTiers:0:BasisPoints", "20000")]
    [InlineData("Loyalty:Currency", "euro")]
    [InlineData("Clients:SleepingIntervalFactor", "0")]
    public async Task Options_InvalidLoyaltyConfiguration_FailsAtStart(string key, string value)
    {
        await using var app = PlatformApp.Build([], builder =>
        {
            builder.WebHost.UseSetting("urls", "http://127.0.0.1:0");
            builder.Configuration["OAuth:DevelopmentKeysDirectory"] = Path.Combine(Path.GetTempPath(), $"platform-test-keys-{Guid.NewGuid():N}");
            builder.Configuration[key] = value;
        });

        await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
    }
}
