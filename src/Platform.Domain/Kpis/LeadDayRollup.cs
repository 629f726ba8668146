namespace Platform.Domain.Kpis;

/// <summary>
/// Counts of the leads created on one day or in one month (UTC) that share one value of one dimension: what the lead KPIs
/// read for whole days and months instead of the leads. Rows are deltas: every change to a lead appends the difference it makes (−1 for its old
/// value, +1 for the new one), in the transaction of the change, and a day's figure is the sum of its rows. Compaction
/// folds them into one row per day, dimension and value; rebuilding computes those from the leads.
/// </summary>
public class LeadDayRollup : IPeriodRollup
{
    public long Id { get; set; }

    /// <summary>
    /// <see cref="RollupPeriod.Day"/>: the leads created on <see cref="Day"/>; <see cref="RollupPeriod.Month"/>: those
    /// created in the month it starts, so that whole months read a month's row rather than every day's.
    /// </summary>
    public RollupPeriod Period { get; set; }

    /// <summary>The day the leads were created (of a month row, the first day of the month), at UTC midnight.</summary>
    public DateTime Day { get; set; }

    /// <summary>The dimension <see cref="Value"/> is of; <see cref="LeadRollupDimension.None"/> counts every lead of the day once.</summary>
    public LeadRollupDimension Dimension { get; set; }

    /// <summary>The dimension's value as the KPI queries group by it (enum names, ids as decimal text); null when the lead has none.</summary>
    public string? Value { get; set; }

    public int Leads { get; set; }

    /// <summary>Leads converted into a client (ConvertedAt set).</summary>
    public int Converted { get; set; }

    /// <summary>Leads answered (FirstRespondedAt set).</summary>
    public int Responded { get; set; }

    /// <summary>Leads that asked for a demo download.</summary>
    public int DemoDownloads { get; set; }
}
