using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Platform.Domain;
using Platform.Domain.Auditing;

namespace Platform.Data;

/// <summary>
/// Stamps every saved <see cref="Entity"/>: on insert <c>CreatedAt</c>/<c>UpdatedAt</c> (kept if
/// already set, e.g. by imports and demo data), <c>CreatedBy</c>/<c>UpdatedBy</c> and
/// <c>Version = 1</c>; on update <c>UpdatedAt</c> (unless set explicitly), <c>UpdatedBy</c> and
/// <c>Version = original + 1</c>, which is checked against the database as a concurrency token.
/// Creation stamps can never be changed. New <see cref="AuditLogEntry"/> rows get their time and
/// actor if not set. Time comes from the injected <see cref="TimeProvider"/>, the actor from
/// the context's <see cref="PlatformDbContext.Actor"/>. To reject an update based on a version the caller saw
/// earlier, set <c>db.Entry(e).Property(x => x.Version).OriginalValue = expectedVersion</c> before
/// saving; a mismatch throws <see cref="DbUpdateConcurrencyException"/>.
/// </summary>
public sealed class AuditStampInterceptor(TimeProvider time) : SaveChangesInterceptor
{
    /// <inheritdoc />
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    /// <inheritdoc />
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var actor = context is PlatformDbContext platform ? platform.Actor : new SystemActor();
        var who = actor.Name;

        // Entries() detects pending changes first (unless automatic detection is switched off).
        foreach (var entry in context.ChangeTracker.Entries())
        {
            switch (entry.Entity)
            {
                case Entity entity when entry.State == EntityState.Added:
                    if (entity.CreatedAt == default)
                    {
                        entity.CreatedAt = now;
                    }

                    if (entity.UpdatedAt == default)
                    {
                        entity.UpdatedAt = entity.CreatedAt;
                    }

                    entity.CreatedBy ??= who;
                    entity.UpdatedBy ??= entity.CreatedBy;
                    entity.Version = 1;
                    break;

                case Entity when entry.State == EntityState.Modified:
                    var updatedAt = entry.Property(nameof(Entity.UpdatedAt));
                    if (!updatedAt.IsModified)
                    {
                        updatedAt.CurrentValue = now;
                    }

                    entry.Property(nameof(Entity.UpdatedBy)).CurrentValue = who;
                    entry.Property(nameof(Entity.CreatedAt)).IsModified = false;
                    entry.Property(nameof(Entity.CreatedBy)).IsModified = false;
                    var version = entry.Property(nameof(Entity.Version));
                    version.CurrentValue = (int)version.OriginalValue! + 1;
                    break;

                case AuditLogEntry log when entry.State == EntityState.Added:
                    if (log.At == default)
                    {
                        log.At = now;
                    }

                    log.Actor ??= who;
                    log.ClientId ??= actor.ClientId;
                    break;
            }
        }
    }
}
