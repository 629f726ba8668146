namespace Platform.Domain.Kpis;

/// <summary>A lead rollup row kept per creation day and per creation month, so whole months read one row instead of every day's.</summary>
public interface IPeriodRollup
{
    /// <summary><see cref="RollupPeriod.Day"/> or <see cref="RollupPeriod.Month"/>: what <see cref="Day"/> starts.</summary>
    RollupPeriod Period { get; }

    /// <summary>The day the leads were created (of a month row, the first day of the month), at UTC midnight.</summary>
    DateTime Day { get; }

    /// <summary>The dimension the row's value is of.</summary>
    LeadRollupDimension Dimension { get; }
}
