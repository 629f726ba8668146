using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Platform.Domain.Kpis;
using Platform.Domain.Leads;

namespace Platform.Data;

/// <summary>
/// Keeps the KPI rollups exact: every save that adds, changes or deletes leads or orders appends the rows the change
/// makes to <see cref="LeadDayRollup"/> (<see cref="LeadDayDeltas"/>), <see cref="LeadConversionRollup"/>
/// (<see cref="LeadConversionDeltas"/>) and <see cref="OrderMonthRollup"/> (<see cref="OrderMonthDeltas"/>) — the old
/// figures subtracted, the new ones added — in the same save and so the same transaction, and stamps each saved lead's
/// whole days to conversion (<see cref="ConversionTime"/>). Runs after <see cref="AuditStampInterceptor"/>, which sets the creation time of new leads. The rows of a
/// save that failed are dropped before the next attempt computes them again.
/// </summary>
public sealed class KpiRollupInterceptor : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<object>> _pending = [];

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
        var provider = context.Database.ProviderName ?? "";
        foreach (var entry in context.ChangeTracker.Entries<Lead>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
                ConversionTime.Stamp(entry, provider);
        }
        var rows = LeadDayDeltas.Of(context.ChangeTracker)
            .Concat<object>(LeadConversionDeltas.Of(context.ChangeTracker, provider))
            .Concat(OrderMonthDeltas.Of(context.ChangeTracker))
            .ToList();
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
}
