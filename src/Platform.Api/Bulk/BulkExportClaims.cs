using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Domain.Bulk;

namespace Platform.Api.Bulk;

/// <summary>
/// How a node takes, keeps and gives up an export. A claim is one conditional UPDATE on the attempt the node read, so of
/// nodes claiming the same export the first wins and the others find <see cref="BulkExport.Attempts"/> moved on (no row
/// locks to hold, the same on every database). The lease is renewed after every page; a renewal that finds the export no
/// longer this node's running one (cancelled, or taken over after the lease ran out) stops the writing.
/// </summary>
internal static class BulkExportClaims
{
    /// <summary>The oldest export to write: queued, or running on a node whose lease ran out.</summary>
    public static Task<BulkExport?> NextAsync(PlatformDbContext db, DateTime now, CancellationToken ct) =>
        db.BulkExports.AsNoTracking().Where(Claimable(now)).OrderBy(e => e.Id).FirstOrDefaultAsync(ct);

    /// <summary>Takes <paramref name="candidate"/> for its next attempt, into <paramref name="file"/>; false when another node took it first.</summary>
    public static async Task<bool> TakeAsync(PlatformDbContext db, BulkExport candidate, string holder, string file, DateTime now, DateTime until, CancellationToken ct)
    {
        var attempt = candidate.Attempts + 1;
        return await db.BulkExports.Where(e => e.Id == candidate.Id && e.Attempts == candidate.Attempts).Where(Claimable(now))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, BulkExportStatus.Running).SetProperty(e => e.Attempts, attempt)
                .SetProperty(e => e.Holder, holder).SetProperty(e => e.LockedUntil, until).SetProperty(e => e.StartedAt, now)
                .SetProperty(e => e.FileName, file).SetProperty(e => e.RowCount, 0L).SetProperty(e => e.Bytes, 0L), ct) == 1;
    }

    /// <summary>Renews <paramref name="holder"/>'s lease; false when the export was cancelled or another node took it over.</summary>
    public static async Task<bool> RenewAsync(PlatformDbContext db, long id, string holder, DateTime until, CancellationToken ct) =>
        await Held(db, id, holder).ExecuteUpdateAsync(s => s.SetProperty(e => e.LockedUntil, until), ct) == 1;

    /// <summary>Lets the next round start the export again at once.</summary>
    public static Task ReleaseAsync(PlatformDbContext db, long id, string holder, DateTime now, CancellationToken ct) =>
        Held(db, id, holder).ExecuteUpdateAsync(s => s.SetProperty(e => e.LockedUntil, now).SetProperty(e => e.Holder, (string?)null), ct);

    private static IQueryable<BulkExport> Held(PlatformDbContext db, long id, string holder) =>
        db.BulkExports.Where(e => e.Id == id && e.Holder == holder && e.Status == BulkExportStatus.Running);

    private static Expression<Func<BulkExport, bool>> Claimable(DateTime now) =>
        e => e.Status == BulkExportStatus.Queued || (e.Status == BulkExportStatus.Running && e.LockedUntil <= now);
}
