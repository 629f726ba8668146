namespace Platform.Domain.Referrals;

/// <summary>What a referrer gets for a referred paying client.</summary>
public enum RewardType
{
    /// <summary>A percentage of the referred client's paid order; the value is in basis points (1000 = 10 %).</summary>
    PercentOfSale,

    /// <summary>A fixed amount of money; the value is in minor units.</summary>
    FixedAmount,

    /// <summary>A personal discount for the referrer; the value is in basis points.</summary>
    Discount,

    /// <summary>A bonus or gift; the value is its worth in minor units.</summary>
    Bonus,

    /// <summary>Extra service time; the value is in minutes.</summary>
    ExtraServiceTime,
}
