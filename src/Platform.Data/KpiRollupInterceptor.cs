using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Platform.Domain.Kpis;
using Platform.Domain.Leads;

namespace Platform.Data;

/// <summary>
/// Keeps the KPI rollups exact: every save that adds, changes or deletes leads or orders appends the rows the change
/// makes to <see cref="LeadDayRollup"/> (<see cref="LeadDayDeltas"/>), <see cref="LeadConversionRollup"/>
/// (<see cref="LeadConversionDeltas"/>), <see cref="OrderMonthRollup"/> (<see cref="OrderMonthDeltas"/>) and
/// <see cref="RevenueRollup"/> (<see cref="RevenueRollupDeltas"/>, which may begin the transaction, committed here after
/// the save) — the old figures subtracted, the new ones added — in the same save and so the same transaction, and stamps each saved lead's
/// whole days to conversion (<see cref="ConversionTime"/>). Runs after <see cref="AuditStampInterceptor"/>, which sets the creation time of new leads. The rows of a
/// save that failed are dropped before the next attempt computes them again.
/// </summary>
public sealed class KpiRollupInterceptor : SaveChangesInterceptor
{
    private sealed record Pending(List<object> Rows, IDbContextTransaction? Transaction);

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    /// <inheritdoc />
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AppendAsync(eventData.Context, sync: true, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    /// <inheritdoc />
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await AppendAsync(eventData.Context, sync: false, cancellationToken);
        return result;
    }

    /// <inheritdoc />
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Forget(eventData.Context) is { } transaction)
        {
            transaction.Commit();
            transaction.Dispose();
        }
        return result;
    }

    /// <inheritdoc />
    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Forget(eventData.Context) is { } transaction)
        {
            await transaction.CommitAsync(cancellationToken);
            await transaction.DisposeAsync();
        }
        return result;
    }

    /// <inheritdoc />
    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context)?.Dispose();

    /// <inheritdoc />
    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        // A conflicting save ends here, not in SaveChangesFailed.
        Forget(eventData.Context)?.Dispose();
        return result;
    }

    /// <inheritdoc />
    public override async ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(
        ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (Forget(eventData.Context) is { } transaction)
            await transaction.DisposeAsync();
        return result;
    }

    /// <inheritdoc />
    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Forget(eventData.Context) is { } transaction)
            await transaction.DisposeAsync();
    }

    private async Task AppendAsync(DbContext? context, bool sync, CancellationToken ct)
    {
        if (context is not PlatformDbContext db)
            return;
        // A transaction still pending here was begun for a save that is saving again from its own interceptors (the
        // outbox's second save): that save commits it.
        var open = Forget(context);
        var provider = context.Database.ProviderName ?? "";
        foreach (var entry in context.ChangeTracker.Entries<Lead>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
                ConversionTime.Stamp(entry, provider);
        }
        var orderRows = OrderMonthDeltas.Of(context.ChangeTracker);
        var (revenueRows, begun) = await RevenueRollupDeltas.OfAsync(db, orderRows, sync, ct);
        var transaction = begun ?? (ReferenceEquals(open, context.Database.CurrentTransaction) ? open : null);
        var rows = LeadDayDeltas.Of(context.ChangeTracker)
            .Concat<object>(LeadConversionDeltas.Of(context.ChangeTracker, provider))
            .Concat(orderRows)
            .Concat(revenueRows)
            .ToList();
        if (rows.Count == 0 && transaction is null)
            return;
        context.AddRange(rows);
        _pending.AddOrUpdate(context, new Pending(rows, transaction));
    }

    /// <summary>
    /// Detaches the rows of the last save (saved, they are of no more use to the context; failed, they are computed
    /// again) and returns the transaction begun for it, to commit or, after a failure, to dispose (which rolls it back).
    /// </summary>
    private IDbContextTransaction? Forget(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
            return null;
        foreach (var row in pending.Rows)
            context.Entry(row).State = EntityState.Detached;
        _pending.Remove(context);
        return pending.Transaction;
    }
}
