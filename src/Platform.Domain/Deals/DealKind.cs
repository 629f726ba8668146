namespace Platform.Domain.Deals;

/// <summary>What kind of sale a deal is (up-, cross- and down-sell).</summary>
public enum DealKind
{
    /// <summary>A first sale to a new client.</summary>
    NewBusiness,

    /// <summary>A repeat sale of the same kind to an existing client.</summary>
    Repeat,

    /// <summary>A more expensive version of what the client buys.</summary>
    UpSell,

    /// <summary>A related or complementary service (cross-sell from the first call).</summary>
    CrossSell,

    /// <summary>A cheaper alternative to keep the client.</summary>
    DownSell,
}
