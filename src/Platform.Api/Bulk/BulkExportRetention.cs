using Microsoft.EntityFrameworkCore;
using Platform.Api.Availability;
using Platform.Data;

namespace Platform.Api.Bulk;

/// <summary>
/// Deletes the files of exports past their <c>ExpiresAt</c>: completed ones after the retention, failed and cancelled
/// ones at once (their partial files). The export rows stay, without a file. One node of a fleet does it at a time (a lease).
/// </summary>
public sealed class BulkExportRetention(IServiceScopeFactory scopes, DatabaseAvailability availability, TimeProvider time, IBulkFileStore files, ILogger<BulkExportRetention> logger)
    : PeriodicDatabaseWork(scopes, availability, time, logger, TimeSpan.FromMinutes(5), "Expired bulk export files were not deleted")
{
    private const int Batch = 500;

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        while (await DeleteExpiredAsync(ct) == Batch)
        {
        }
    }

    /// <summary>Deletes up to a batch of expired files and returns how many.</summary>
    internal async Task<int> DeleteExpiredAsync(CancellationToken ct)
    {
        var now = Time.GetUtcNow().UtcDateTime;
        await using var scope = Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var expired = await db.BulkExports.Where(e => e.FileName != null && e.ExpiresAt <= now).OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.FileName }).Take(Batch).ToListAsync(ct);
        foreach (var export in expired)
        {
            // The file first: a crash between the two deletes it again next round, never leaves it unlisted.
            files.Delete(export.FileName!);
            await db.BulkExports.Where(e => e.Id == export.Id && e.FileName == export.FileName)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.FileName, (string?)null), ct);
        }
        return expired.Count;
    }
}
