using Platform.Domain.Clients;

namespace Platform.Domain.Kpis;

/// <summary>
/// The paid orders of one client in one month (UTC, by <c>PaidAt</c>) and currency: the client's figures before a change,
/// from which the change's <see cref="RevenueRollup"/> rows tell whether it gains or loses a paying or repeat client of
/// a month or quarter. Rows are deltas like
/// <see cref="LeadDayRollup"/>'s: a change appends −1 for the order's old figures and +1 for its new ones, in its
/// transaction; compaction folds them into one row per key; rebuilding computes those from the orders.
/// </summary>
public class OrderMonthRollup
{
    public long Id { get; set; }

    /// <summary>The month the orders were paid in, as year × 12 + month − 1 (a month bucket's ordinal; / 3 gives the quarter's).</summary>
    public int Month { get; set; }

    /// <summary>ISO 4217 currency of the orders.</summary>
    public string Currency { get; set; } = "";

    public long ClientId { get; set; }

    /// <summary>Set only for a client saved together with its first orders, which has no id before the save.</summary>
    public Client? Client { get; set; }

    /// <summary>Paid orders (status PAID).</summary>
    public int Orders { get; set; }

    /// <summary>Σ net amount of those orders, in minor units of <see cref="Currency"/>.</summary>
    public long NetMinor { get; set; }

    /// <summary>The <see cref="Month"/> a moment falls in.</summary>
    public static int MonthOf(DateTime utc) => utc.Year * 12 + utc.Month - 1;
}
