using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Domain.Bulk;

namespace Platform.Api.Bulk;

/// <summary>
/// <c>erasePerson</c>'s step for bulk exports, in its transaction: no file of a type that holds personal data
/// (<see cref="BulkExportSource.HoldsPersonalData"/>) may keep the person. Finding the person in a file would mean
/// reading every file, so every such file goes: its export shows <see cref="BulkExport.ErasedAt"/> and no link.
/// </summary>
public static class BulkExportErasure
{
    /// <summary>
    /// Ends the links of the completed exports that may hold the person (their files are deleted after the commit, by
    /// <see cref="BulkExportRetention"/>) and makes the queued and running ones start afresh; returns how many files go.
    /// </summary>
    public static async Task<int> EraseAsync(PlatformDbContext db, DateTime now, CancellationToken ct)
    {
        var types = BulkExportSources.All.Where(s => s.HoldsPersonalData).Select(s => s.Type).ToList();
        // A node writing one may have read the person already: it loses its lease, stops at its next page, and the export
        // is written again from the beginning (an attempt). The update also locks the queued ones, so no node claims one
        // and reads the person before this erasure commits.
        await db.BulkExports.Where(e => types.Contains(e.Type) && (e.Status == BulkExportStatus.Queued || e.Status == BulkExportStatus.Running))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Holder, (string?)null).SetProperty(e => e.LockedUntil, now), ct);
        // Expired now: no link works from the commit on, and the retention deletes the file even if this node dies first.
        return await db.BulkExports.Where(e => types.Contains(e.Type) && e.Status == BulkExportStatus.Completed && e.FileName != null && e.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ExpiresAt, now).SetProperty(e => e.ErasedAt, now), ct);
    }
}
