using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Platform.Domain.Kpis;
using Platform.Domain.Leads;

namespace Platform.Data;

/// <summary>
/// The <see cref="LeadConversionRollup"/> rows the tracked lead changes of a save make: a converted lead's old cell
/// loses it and its time, its new cell gains them, summed per day (and per month), dimension, value and whole days to conversion.
/// </summary>
internal static class LeadConversionDeltas
{
    private readonly record struct Key(RollupPeriod Period, DateTime Day, LeadRollupDimension Dimension, string? Value, int Days);

    public static List<LeadConversionRollup> Of(ChangeTracker tracker, string provider)
    {
        var deltas = new Dictionary<Key, (int Leads, long Milliseconds)>();
        foreach (var entry in tracker.Entries<Lead>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
                Add(deltas, LeadDayDeltas.Original(entry), provider, -1);
            if (entry.State is EntityState.Added or EntityState.Modified)
                Add(deltas, entry.Entity, provider, 1);
        }

        return deltas.Where(d => d.Value != default).Select(d => new LeadConversionRollup
        {
            Period = d.Key.Period,
            Day = d.Key.Day,
            Dimension = d.Key.Dimension,
            Value = d.Key.Value,
            Days = d.Key.Days,
            Leads = d.Value.Leads,
            Milliseconds = d.Value.Milliseconds,
        }).ToList();
    }

    private static void Add(Dictionary<Key, (int Leads, long Milliseconds)> deltas, Lead lead, string provider, int sign)
    {
        if (lead.ConvertedAt is not { } converted)
            return;
        var milliseconds = ConversionTime.Milliseconds(provider, lead.CreatedAt, converted);
        var periods = LeadDayDeltas.Periods(lead);
        foreach (var (dimension, value) in LeadDayDeltas.Values(lead))
        {
            foreach (var (period, start) in periods)
            {
                var key = new Key(period, start, dimension, value, ConversionTime.Days(milliseconds));
                var (leads, sum) = deltas.GetValueOrDefault(key);
                deltas[key] = (leads + sign, sum + sign * milliseconds);
            }
        }
    }
}
