namespace Platform.Domain.Kpis;

/// <summary>
/// A histogram cell of conversion times: how many of the leads created on one day or in one month (UTC) that share one value of one
/// dimension converted after a given number of whole days, and the sum of their times to conversion. The average days
/// to conversion is a sum of cells; the median is found in the cells and read from the leads of the one or two cells
/// that hold the middle rank. Rows are deltas like <see cref="LeadDayRollup"/>'s: a change appends the difference it
/// makes, compaction folds them, rebuilding computes them from the leads.
/// </summary>
public class LeadConversionRollup : IPeriodRollup
{
    public long Id { get; set; }

    /// <summary>
    /// <see cref="RollupPeriod.Day"/>: the leads created on <see cref="Day"/>; <see cref="RollupPeriod.Month"/>: those
    /// created in the month it starts, so that whole months read a month's cells rather than every day's.
    /// </summary>
    public RollupPeriod Period { get; set; }

    /// <summary>The day the leads were created (of a month row, the first day of the month), at UTC midnight.</summary>
    public DateTime Day { get; set; }

    /// <summary>The dimension <see cref="Value"/> is of; <see cref="LeadRollupDimension.None"/> counts every converted lead of the day once.</summary>
    public LeadRollupDimension Dimension { get; set; }

    /// <summary>The dimension's value as the KPI queries group by it (enum names, ids as decimal text); null when the lead has none.</summary>
    public string? Value { get; set; }

    /// <summary>Whole days from creation to conversion: the time in milliseconds divided by 86,400,000, truncated.</summary>
    public int Days { get; set; }

    /// <summary>Converted leads in the cell.</summary>
    public int Leads { get; set; }

    /// <summary>The sum of their times from creation to conversion, in milliseconds as the database rounds them.</summary>
    public long Milliseconds { get; set; }
}
