using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Platform.Domain;
using Platform.Domain.Events;
using Platform.Domain.Referrals;

namespace Platform.Data.Outbox;

/// <summary>
/// Writes the events of the saved aggregates (<see cref="Entity.RecordedEvents"/>, and the creation events of
/// <see cref="OutboxRows.Created"/>) to <c>OutboxEvents</c> in the transaction of the change. A changed aggregate's rows go
/// into the same save; a new one has no id before its insert, so its rows follow in a second save, in the caller's
/// transaction or in one this interceptor begins for the two saves and commits after the second. A failed save leaves no
/// row and keeps the events on the entities. Once rows are committed, the <see cref="OutboxSignal"/> is pulsed (here when
/// the save committed them itself, else by <see cref="OutboxCommitInterceptor"/>).
/// </summary>
public sealed class OutboxInterceptor(TimeProvider time, OutboxSignal signal) : SaveChangesInterceptor
{
    /// <inheritdoc />
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is PlatformDbContext db)
            PrepareAsync(db, sync: true, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    /// <inheritdoc />
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PlatformDbContext db)
            await PrepareAsync(db, sync: false, cancellationToken);
        return result;
    }

    /// <inheritdoc />
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is PlatformDbContext db)
            CompleteAsync(db, sync: true, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    /// <inheritdoc />
    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PlatformDbContext db)
            await CompleteAsync(db, sync: false, cancellationToken);
        return result;
    }

    /// <inheritdoc />
    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is PlatformDbContext db)
            Abandon(db)?.Dispose();
    }

    /// <inheritdoc />
    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PlatformDbContext db && Abandon(db) is { } transaction)
            await transaction.DisposeAsync();
    }

    /// <summary>Adds the rows of changed aggregates to this save and remembers the new aggregates with events for the next.</summary>
    private async Task PrepareAsync(PlatformDbContext db, bool sync, CancellationToken ct)
    {
        // Rows added by the caller (events of changes made in the database, such as counted touches).
        if (db.ChangeTracker.Entries<OutboxEvent>().Any(e => e.State == EntityState.Added))
            db.HasUncommittedOutboxRows = true;
        var now = time.GetUtcNow().UtcDateTime;
        var work = new OutboxWork();
        var changed = new List<(Entity Aggregate, int Version, List<DomainEvent> Events)>();
        foreach (var entry in db.ChangeTracker.Entries<Entity>())
        {
            if (entry.State is EntityState.Deleted or EntityState.Detached)
                continue;
            var events = EventsOf(entry);
            if (events.Count == 0)
                continue;
            work.Recorded.Add(entry.Entity);
            if (entry.State == EntityState.Added)
                work.New.Add((entry.Entity, events));
            else
                changed.Add((entry.Entity, VersionAfterSave(entry), events));
        }
        if (work.Recorded.Count == 0)
            return;
        db.HasUncommittedOutboxRows = true;
        var partners = await RewardPartnersAsync(db, changed.Select(c => c.Aggregate), sync, ct);
        foreach (var (aggregate, version, events) in changed)
            work.Rows.AddRange(events.Select(e => Row(aggregate, version, e, now, partners)));
        db.OutboxEvents.AddRange(work.Rows);
        if (work.New.Count > 0 && db.Database.CurrentTransaction is null)
            work.Transaction = sync ? db.Database.BeginTransaction() : await db.Database.BeginTransactionAsync(ct);
        db.PendingOutbox = work;
    }

    /// <summary>Writes the rows of the new aggregates (they have their ids now) and commits the transaction begun for them.</summary>
    private async Task CompleteAsync(PlatformDbContext db, bool sync, CancellationToken ct)
    {
        await WriteNewAsync(db, sync, ct);
        if (db.HasUncommittedOutboxRows && db.Database.CurrentTransaction is null)
        {
            db.HasUncommittedOutboxRows = false;
            signal.Pulse();
        }
    }

    private async Task WriteNewAsync(PlatformDbContext db, bool sync, CancellationToken ct)
    {
        if (db.PendingOutbox is not { } work)
            return;
        db.PendingOutbox = null;
        foreach (var aggregate in work.Recorded)
            aggregate.ClearRecordedEvents();
        if (work.New.Count == 0)
            return;
        try
        {
            var now = time.GetUtcNow().UtcDateTime;
            var partners = await RewardPartnersAsync(db, work.New.Select(n => n.Aggregate), sync, ct);
            db.OutboxEvents.AddRange(work.New.SelectMany(n => n.Events.Select(e => Row(n.Aggregate, n.Aggregate.Version, e, now, partners))));
            if (sync)
            {
                db.SaveChanges();
                work.Transaction?.Commit();
            }
            else
            {
                await db.SaveChangesAsync(ct);
                if (work.Transaction is not null)
                    await work.Transaction.CommitAsync(ct);
            }
        }
        finally
        {
            if (work.Transaction is not null)
                await work.Transaction.DisposeAsync();
        }
    }

    /// <summary>Forgets the rows of a failed save; returns the transaction begun for it, to dispose (which rolls it back).</summary>
    private static IDbContextTransaction? Abandon(PlatformDbContext db)
    {
        if (db.Database.CurrentTransaction is null)
            db.HasUncommittedOutboxRows = false;
        if (db.PendingOutbox is not { } work)
            return null;
        db.PendingOutbox = null;
        foreach (var row in work.Rows)
            db.Entry(row).State = EntityState.Detached;
        return work.Transaction;
    }

    private static List<DomainEvent> EventsOf(EntityEntry<Entity> entry)
    {
        var events = new List<DomainEvent>();
        if (entry.State == EntityState.Added && OutboxRows.Created(entry.Entity) is { } created)
            events.Add(created);
        events.AddRange(entry.Entity.RecordedEvents());
        return events;
    }

    /// <summary>The version the save gives the aggregate (as <see cref="AuditStampInterceptor"/> sets it).</summary>
    private static int VersionAfterSave(EntityEntry<Entity> entry) =>
        entry.State == EntityState.Modified ? entry.Property(e => e.Version).OriginalValue + 1 : entry.Entity.Version;

    private static OutboxEvent Row(Entity aggregate, int version, DomainEvent e, DateTime now, Dictionary<long, long?> rewardPartners) =>
        OutboxRows.Of(aggregate, version, e, now, aggregate is Reward reward ? rewardPartners.GetValueOrDefault(reward.ReferralId) : null);

    /// <summary>The referring partner of each reward's referral: from the tracked referrals, else one query.</summary>
    private static async Task<Dictionary<long, long?>> RewardPartnersAsync(PlatformDbContext db, IEnumerable<Entity> aggregates, bool sync, CancellationToken ct)
    {
        var referralIds = aggregates.OfType<Reward>().Select(r => r.ReferralId).ToHashSet();
        if (referralIds.Count == 0)
            return [];
        var partners = db.ChangeTracker.Entries<Referral>().Where(r => referralIds.Contains(r.Entity.Id))
            .ToDictionary(r => r.Entity.Id, r => r.Entity.PartnerId);
        var missing = referralIds.Where(id => !partners.ContainsKey(id)).ToList();
        if (missing.Count == 0)
            return partners;
        var query = db.Referrals.IgnoreQueryFilters().Where(r => missing.Contains(r.Id)).Select(r => new { r.Id, r.PartnerId });
        foreach (var row in sync ? query.ToList() : await query.ToListAsync(ct))
            partners[row.Id] = row.PartnerId;
        return partners;
    }
}
