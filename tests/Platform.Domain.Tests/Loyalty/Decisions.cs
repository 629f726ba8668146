using Platform.Domain;
using Platform.Domain.Loyalty;

namespace Platform.Domain.Tests.Loyalty;

/// <summary>The loyalty defaults (D1–D6), as appsettings.json holds them.</summary>
internal static class Decisions
{
    public static LoyaltyOptions Options(StackingPolicy policy = StackingPolicy.BestSingle, int maxTotalBasisPoints = 2500) => new()
    {
        ReceiptTiers = [new() { MinimumMinor = 150000, BasisPoints = 500 }, new() { MinimumMinor = 300000, BasisPoints = 1000 }, new() { MinimumMinor = 500000, BasisPoints = 1500 }],
        TenureTiers = [new() { Years = 1, BasisPoints = 250 }, new() { Years = 2, BasisPoints = 500 }, new() { Years = 3, BasisPoints = 1000 }],
        OrdinalTiers = [new() { Every = 5, BasisPoints = 500 }, new() { Every = 10, BasisPoints = 1000 }],
        OrdinalMinimumMinor = 10000,
        InstallmentMinimumMinor = 75000,
        StackingPolicy = policy,
        MaxTotalBasisPoints = maxTotalBasisPoints,
    };

    public static DiscountEngine Engine(StackingPolicy policy = StackingPolicy.BestSingle, int maxTotalBasisPoints = 2500) =>
        new(Options(policy, maxTotalBasisPoints));

    public static Money Eur(decimal major) => Money.FromMajor(major, Currencies.Eur);

    public static readonly DateTime Today = new(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);
}
