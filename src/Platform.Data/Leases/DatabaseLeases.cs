using Microsoft.EntityFrameworkCore;

namespace Platform.Data.Leases;

/// <summary>
/// Leases in the database, so that work one node must do at a time is done by one node of many: a node takes a free or
/// expired lease, renews its own, and releases it when it stops; another takes over once it is released or expired.
/// </summary>
public static class DatabaseLeases
{
    /// <summary>Takes or renews <paramref name="name"/> for <paramref name="holder"/> until <paramref name="until"/>; false when another node holds it.</summary>
    public static async Task<bool> TryTakeLeaseAsync(this PlatformDbContext db, string name, string holder, DateTime now, DateTime until, CancellationToken ct)
    {
        // One statement, so two nodes never both take an expired lease.
        var taken = await db.Leases.Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), ct);
        if (taken == 1)
            return true;
        if (await db.Leases.AnyAsync(l => l.Name == name, ct))
            return false;
        // The first time: of two nodes inserting at once, the key lets one in.
        db.Leases.Add(new Lease { Name = name, Holder = holder, ExpiresAt = until });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return false;
        }
    }

    /// <summary>Releases <paramref name="name"/> if <paramref name="holder"/> holds it, so another node can take it at once.</summary>
    public static Task ReleaseLeaseAsync(this PlatformDbContext db, string name, string holder, CancellationToken ct) =>
        db.Leases.Where(l => l.Name == name && l.Holder == holder).ExecuteDeleteAsync(ct);
}
