using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Domain;

namespace Platform.Api.Common;

/// <summary>Optimistic concurrency for mutations: a caller may say which version it edited.</summary>
public static class Versions
{
    /// <summary>
    /// Makes SaveChanges fail with <see cref="DbUpdateConcurrencyException"/> unless the row is still
    /// at <paramref name="expectedVersion"/> (when given) and unchanged since it was loaded.
    /// </summary>
    public static void Expect(this PlatformDbContext db, Entity entity, int? expectedVersion)
    {
        if (expectedVersion is { } version)
            db.Entry(entity).Property(x => x.Version).OriginalValue = version;
    }

    /// <summary>Saves, turning a lost race into a <see cref="ConflictError"/> instead of an exception.</summary>
    public static async Task<ConflictError?> SaveOrConflictAsync(this PlatformDbContext db, Entity entity, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException conflict)
        {
            // Name the row that lost the race: it may be a row the mutation changed along with the entity (a reward with its order).
            var lost = conflict.Entries.Select(e => e.Entity).OfType<Entity>().FirstOrDefault() ?? entity;
            var current = await db.Entry(lost).GetDatabaseValuesAsync(ct);
            var version = current?.GetValue<int>(nameof(Entity.Version)) ?? 0;
            return new ConflictError(version, $"The {lost.GetType().Name} was changed by someone else (now at version {version}); reload it and retry.");
        }
    }
}
