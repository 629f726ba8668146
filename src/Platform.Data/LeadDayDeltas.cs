using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Platform.Domain.Kpis;
using Platform.Domain.Leads;

namespace Platform.Data;

/// <summary>The <see cref="LeadDayRollup"/> rows the tracked lead changes of a save make: −1 for a lead's old values, +1 for its new ones, summed per day (and month), dimension and value.</summary>
internal static class LeadDayDeltas
{
    public static List<LeadDayRollup> Of(ChangeTracker tracker)
    {
        var deltas = new Dictionary<LeadDayKey, LeadDayCounts>();
        foreach (var entry in tracker.Entries<Lead>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    Add(deltas, entry.Entity, 1);
                    break;
                case EntityState.Modified:
                    Add(deltas, Original(entry), -1);
                    Add(deltas, entry.Entity, 1);
                    break;
                case EntityState.Deleted:
                    Add(deltas, Original(entry), -1);
                    break;
            }
        }

        return deltas.Where(d => !d.Value.IsZero).Select(d => d.Key.Row(d.Value)).ToList();
    }

    internal static Lead Original(EntityEntry<Lead> entry) => (Lead)entry.OriginalValues.ToObject();

    private static void Add(Dictionary<LeadDayKey, LeadDayCounts> deltas, Lead lead, int sign)
    {
        var (counts, periods) = (LeadDayCounts.Of(lead, sign), Periods(lead));
        foreach (var (dimension, value) in Values(lead))
        {
            foreach (var (period, start) in periods)
            {
                var key = new LeadDayKey(period, start, dimension, value);
                deltas[key] = deltas.GetValueOrDefault(key) + counts;
            }
        }
    }

    /// <summary>The rollup rows a lead counts in: its creation day's and its creation month's (UTC), each with its first moment.</summary>
    internal static (RollupPeriod Period, DateTime Start)[] Periods(Lead lead)
    {
        var day = DateTime.SpecifyKind(lead.CreatedAt.Date, DateTimeKind.Utc);
        return [(RollupPeriod.Day, day), (RollupPeriod.Month, new DateTime(day.Year, day.Month, 1, 0, 0, 0, DateTimeKind.Utc))];
    }

    /// <summary>
    /// The lead's value of each dimension, as the KPI queries compute it in SQL: enums by name, ids as decimal text, the
    /// partner that referred or submitted the lead, else the one it was given to.
    /// </summary>
    internal static IEnumerable<(LeadRollupDimension, string?)> Values(Lead lead)
    {
        yield return (LeadRollupDimension.None, null);
        yield return (LeadRollupDimension.Channel, lead.Channel);
        yield return (LeadRollupDimension.LandingPage, lead.LandingPage);
        yield return (LeadRollupDimension.Temperature, lead.Temperature.ToString());
        yield return (LeadRollupDimension.Origin, lead.Origin.ToString());
        yield return (LeadRollupDimension.Manager, lead.OwnerId?.ToString(CultureInfo.InvariantCulture));
        yield return (LeadRollupDimension.Partner, (lead.PartnerId ?? lead.AssignedPartnerId)?.ToString(CultureInfo.InvariantCulture));
    }

    private readonly record struct LeadDayKey(RollupPeriod Period, DateTime Day, LeadRollupDimension Dimension, string? Value)
    {
        public LeadDayRollup Row(LeadDayCounts counts) => new()
        {
            Period = Period,
            Day = Day,
            Dimension = Dimension,
            Value = Value,
            Leads = counts.Leads,
            Converted = counts.Converted,
            Responded = counts.Responded,
            DemoDownloads = counts.DemoDownloads,
        };
    }
}
