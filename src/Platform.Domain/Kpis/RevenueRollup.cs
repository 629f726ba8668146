namespace Platform.Domain.Kpis;

/// <summary>
/// The revenue of one month or quarter, currency and value of one dimension: paid orders, their net sum, the paying
/// clients and those with two or more paid orders in the bucket. What the revenue KPI reads for whole buckets instead of
/// the orders. Rows are deltas, appended in the transaction of each change from the paying client's figures before and
/// after it (<see cref="OrderMonthRollup"/>, read under a lock on the client): a payment that makes a client's first
/// order of the bucket adds a client, its second a repeat client, a refund takes them back; a client whose owner or
/// origin lead changes moves its figures from the old value to the new one. Compaction folds them into one row per key;
/// rebuilding computes those from the orders.
/// </summary>
public class RevenueRollup
{
    public long Id { get; set; }

    public RollupPeriod Period { get; set; }

    /// <summary>The bucket's ordinal: a month's year × 12 + month − 1, a quarter's year × 4 + quarter − 1 (the month's / 3).</summary>
    public int Bucket { get; set; }

    /// <summary>ISO 4217 currency of the orders.</summary>
    public string Currency { get; set; } = "";

    /// <summary>
    /// The dimension <see cref="Value"/> is of: <see cref="LeadRollupDimension.Manager"/> is the client's owner, the others
    /// are the client's origin lead's; <see cref="LeadRollupDimension.None"/> counts every order once.
    /// </summary>
    public LeadRollupDimension Dimension { get; set; }

    /// <summary>The dimension's value as the KPI queries group by it (enum names, ids as decimal text); null when the client has none.</summary>
    public string? Value { get; set; }

    /// <summary>Paid orders (status PAID).</summary>
    public int Orders { get; set; }

    /// <summary>Σ net amount of those orders, in minor units of <see cref="Currency"/>.</summary>
    public long NetMinor { get; set; }

    /// <summary>Clients with at least one paid order in the bucket.</summary>
    public int Clients { get; set; }

    /// <summary>Clients with two or more paid orders in the bucket.</summary>
    public int RepeatClients { get; set; }
}
