using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Domain.Imports;

namespace Platform.Api.Imports;

/// <summary>
/// How a node takes, keeps and gives up an import, as <c>BulkExportClaims</c> does for exports: a claim is one
/// conditional UPDATE on the attempt the node read, so of nodes claiming the same import one wins. The lease is renewed
/// in the transaction that commits each batch's results (<see cref="CommitBatchAsync"/>); a batch that finds the import
/// no longer this node's running one (cancelled, or taken over after the lease ran out) commits nothing and stops.
/// </summary>
internal static class LeadImportClaims
{
    /// <summary>The oldest import to run: queued, or running on a node whose lease ran out.</summary>
    public static Task<LeadImport?> NextAsync(PlatformDbContext db, DateTime now, CancellationToken ct) =>
        db.LeadImports.AsNoTracking().Where(Claimable(now)).OrderBy(i => i.Id).FirstOrDefaultAsync(ct);

    /// <summary>Takes <paramref name="candidate"/> for its next attempt; false when another node took it first.</summary>
    public static async Task<bool> TakeAsync(PlatformDbContext db, LeadImport candidate, string holder, DateTime now, DateTime until, CancellationToken ct)
    {
        var attempt = candidate.Attempts + 1;
        return await db.LeadImports.Where(i => i.Id == candidate.Id && i.Attempts == candidate.Attempts).Where(Claimable(now))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, LeadImportStatus.Running).SetProperty(i => i.Attempts, attempt)
                .SetProperty(i => i.Holder, holder).SetProperty(i => i.LockedUntil, until).SetProperty(i => i.StartedAt, now), ct) == 1;
    }

    /// <summary>
    /// Records the rows up to <paramref name="lastRow"/> as processed, adds <paramref name="counts"/> and renews the
    /// lease; false when the import is no longer <paramref name="holder"/>'s running one (then the caller rolls back).
    /// </summary>
    public static async Task<bool> CommitBatchAsync(PlatformDbContext db, long id, string holder, long lastRow, BatchCounts counts, DateTime until, CancellationToken ct) =>
        await Held(db, id, holder).ExecuteUpdateAsync(s => s.SetProperty(i => i.RowCount, lastRow).SetProperty(i => i.LockedUntil, until)
            .SetProperty(i => i.CreatedCount, i => i.CreatedCount + counts.Created).SetProperty(i => i.TouchedCount, i => i.TouchedCount + counts.Touched)
            .SetProperty(i => i.RejectedCount, i => i.RejectedCount + counts.Rejected).SetProperty(i => i.UnchangedCount, i => i.UnchangedCount + counts.Unchanged), ct) == 1;

    /// <summary>Lets the next round resume the import at once.</summary>
    public static Task ReleaseAsync(PlatformDbContext db, long id, string holder, DateTime now, CancellationToken ct) =>
        Held(db, id, holder).ExecuteUpdateAsync(s => s.SetProperty(i => i.LockedUntil, now).SetProperty(i => i.Holder, (string?)null), ct);

    private static IQueryable<LeadImport> Held(PlatformDbContext db, long id, string holder) =>
        db.LeadImports.Where(i => i.Id == id && i.Holder == holder && i.Status == LeadImportStatus.Running);

    private static Expression<Func<LeadImport, bool>> Claimable(DateTime now) =>
        i => i.Status == LeadImportStatus.Queued || (i.Status == LeadImportStatus.Running && i.LockedUntil <= now);
}

/// <summary>How many rows of a batch had each outcome.</summary>
internal readonly record struct BatchCounts(long Created, long Touched, long Rejected, long Unchanged);
