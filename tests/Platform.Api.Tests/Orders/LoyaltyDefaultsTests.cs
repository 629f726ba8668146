using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Api.Tests.Infrastructure;
using Platform.Domain.Clients;
using Platform.Domain.Loyalty;

namespace Platform.Api.Tests.Orders;

/// <summary>appsettings.json holds the loyalty (D1–D6) and client defaults.</summary>
public sealed class LoyaltyDefaultsTests(DefaultApi api) : IClassFixture<DefaultApi>
{
    [Fact]
    public void Options_AppSettingsHoldTheDecisionDefaults()
    {
        var loyalty = api.Services.GetRequiredService<IOptions<LoyaltyOptions>>().Value;
        var clients = api.Services.GetRequiredService<IOptions<ClientInsightsOptions>>().Value;

        Assert.Equal([(150000L, 500), (300000L, 1000), (500000L, 1500)], loyalty.ReceiptTiers.Select(t => (t.MinimumMinor, t.BasisPoints)));
        Assert.Equal([(1, 250), (2, 500), (3, 1000)], loyalty.TenureTiers.Select(t => (t.Years, t.BasisPoints)));
        Assert.Equal([(5, 500), (10, 1000)], loyalty.OrdinalTiers.Select(t => (t.Every, t.BasisPoints)));
        Assert.Equal((10000L, 75000L, StackingPolicy.BestSingle, 2500), (loyalty.OrdinalMinimumMinor, loyalty.InstallmentMinimumMinor, loyalty.StackingPolicy, loyalty.MaxTotalBasisPoints));
        Assert.Equal((1000, 2, 2.5m), (clients.StrategicShareBasisPoints, clients.SleepingMinimumPaidOrders, clients.SleepingIntervalFactor));
    }
}
