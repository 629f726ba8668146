using Microsoft.EntityFrameworkCore.ChangeTracking;
using Platform.Domain.Leads;

namespace Platform.Data;

/// <summary>
/// A lead's time from creation to conversion as the KPI SQL measures it: milliseconds, rounded as the provider rounds
/// the difference of the stored timestamps, and the whole days of it. The days are kept on the lead (the shadow
/// property <see cref="DaysProperty"/>, indexed) and in <see cref="Platform.Domain.Kpis.LeadConversionRollup"/>, so
/// the median reads only the leads of one histogram cell.
/// </summary>
public static class ConversionTime
{
    /// <summary>The lead's whole days to conversion (null when not converted); set on every save, and by the rollup rebuild for leads written around EF.</summary>
    public const string DaysProperty = "DaysToConversion";

    public const long MillisecondsPerDay = 86_400_000;

    /// <summary>
    /// What the provider's SQL gives for <paramref name="end"/> − <paramref name="start"/> in milliseconds. PostgreSQL
    /// stores microseconds (Npgsql truncates the ticks) and rounds the difference half away from zero; SQLite's julianday
    /// rounds each timestamp to the millisecond, half up; SQL Server's DATEDIFF_BIG counts millisecond boundaries.
    /// </summary>
    public static long Milliseconds(string provider, DateTime start, DateTime end)
    {
        if (provider.Contains("Npgsql", StringComparison.Ordinal))
        {
            var micros = end.Ticks / 10 - start.Ticks / 10;
            return (long)Math.Round(micros / 1000m, MidpointRounding.AwayFromZero);
        }
        if (provider.Contains("Sqlite", StringComparison.Ordinal))
            return (end.Ticks + 5_000) / 10_000 - (start.Ticks + 5_000) / 10_000;
        return end.Ticks / 10_000 - start.Ticks / 10_000;
    }

    /// <summary>Whole days of <paramref name="milliseconds"/>, truncated as SQL's integer division does.</summary>
    public static int Days(long milliseconds) => (int)(milliseconds / MillisecondsPerDay);

    /// <summary>Sets the lead's <see cref="DaysProperty"/> from its current timestamps.</summary>
    internal static void Stamp(EntityEntry<Lead> entry, string provider)
    {
        var lead = entry.Entity;
        int? days = lead.ConvertedAt is { } converted ? Days(Milliseconds(provider, lead.CreatedAt, converted)) : null;
        var property = entry.Property<int?>(DaysProperty);
        if (property.CurrentValue != days)
            property.CurrentValue = days;
    }
}
