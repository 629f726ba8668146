using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Platform.Domain.Kpis;
using Platform.Domain.Leads;

namespace Platform.Data;

/// <summary>
/// Keeps <see cref="LeadDayRollup"/> exact: every save that adds, changes or deletes leads appends the rows the change
/// makes to the day counts (its old figures subtracted, its new ones added, per dimension), in the same save and so the
/// same transaction. Runs after <see cref="AuditStampInterceptor"/>, which sets the creation time of new leads. The rows
/// of a save that failed are dropped before the next attempt computes them again.
/// </summary>
public sealed class LeadRollupInterceptor : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<LeadDayRollup>> _pending = [];

    /// <inheritdoc />
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Append(eventData.Context);
        return result;
    }

    /// <inheritdoc />
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Append(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <inheritdoc />
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Forget(eventData.Context);
        return result;
    }

    /// <inheritdoc />
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Append(DbContext? context)
    {
        if (context is null)
            return;
        Forget(context);
        var deltas = new Dictionary<LeadDayKey, LeadDayCounts>();
        foreach (var entry in context.ChangeTracker.Entries<Lead>())
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

        var rows = deltas.Where(d => !d.Value.IsZero).Select(d => d.Key.Row(d.Value)).ToList();
        if (rows.Count == 0)
            return;
        context.AddRange(rows);
        _pending.AddOrUpdate(context, rows);
    }

    /// <summary>Detaches the rows of the last save: saved, they are of no more use to the context; failed, they are computed again.</summary>
    private void Forget(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var rows))
            return;
        foreach (var row in rows)
            context.Entry(row).State = EntityState.Detached;
        _pending.Remove(context);
    }

    private static Lead Original(EntityEntry<Lead> entry) => (Lead)entry.OriginalValues.ToObject();

    private static void Add(Dictionary<LeadDayKey, LeadDayCounts> deltas, Lead lead, int sign)
    {
        var counts = LeadDayCounts.Of(lead, sign);
        var day = DateTime.SpecifyKind(lead.CreatedAt.Date, DateTimeKind.Utc);
        foreach (var (dimension, value) in Values(lead))
        {
            var key = new LeadDayKey(day, dimension, value);
            deltas[key] = deltas.GetValueOrDefault(key) + counts;
        }
    }

    /// <summary>
    /// The lead's value of each dimension, as the KPI queries compute it in SQL: enums by name, ids as decimal text, the
    /// partner that referred or submitted the lead, else the one it was given to.
    /// </summary>
    private static IEnumerable<(LeadRollupDimension, string?)> Values(Lead lead)
    {
        yield return (LeadRollupDimension.None, null);
        yield return (LeadRollupDimension.Channel, lead.Channel);
        yield return (LeadRollupDimension.LandingPage, lead.LandingPage);
        yield return (LeadRollupDimension.Temperature, lead.Temperature.ToString());
        yield return (LeadRollupDimension.Origin, lead.Origin.ToString());
        yield return (LeadRollupDimension.Manager, lead.OwnerId?.ToString(CultureInfo.InvariantCulture));
        yield return (LeadRollupDimension.Partner, (lead.PartnerId ?? lead.AssignedPartnerId)?.ToString(CultureInfo.InvariantCulture));
    }

    private readonly record struct LeadDayKey(DateTime Day, LeadRollupDimension Dimension, string? Value)
    {
        public LeadDayRollup Row(LeadDayCounts counts) => new()
        {
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
