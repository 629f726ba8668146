using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Api.Availability;
using Platform.Api.Bulk;
using Platform.Data;
using Platform.Domain.Imports;

namespace Platform.Api.Imports;

/// <summary>
/// Deletes what imports leave behind once <see cref="LeadImportOptions.Retention"/> has passed: uploaded files (counted
/// from the upload; never one a queued or running import still reads), and of finished imports the results file and
/// the per-row results it was written from. The imports stay, with their counts. One node of a fleet does it at a time.
/// An erasure deletes every idle upload at once (<see cref="DeleteIdleUploadsAsync"/>).
/// </summary>
public sealed class LeadImportRetention(
    IServiceScopeFactory scopes, DatabaseAvailability availability, TimeProvider time, IBulkFileStore files, IOptions<LeadImportOptions> options,
    ILogger<LeadImportRetention> logger)
    : PeriodicDatabaseWork(scopes, availability, time, logger, TimeSpan.FromMinutes(5), "Expired lead import files were not deleted")
{
    private const int Batch = 500;

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        while (await DeleteExpiredAsync(ct) == Batch)
        {
        }
    }

    /// <summary>Deletes up to a batch of expired uploads and of expired imports' results; returns how many of the larger.</summary>
    internal async Task<int> DeleteExpiredAsync(CancellationToken ct)
    {
        var before = Time.GetUtcNow().UtcDateTime - options.Value.Retention;
        await using var scope = Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return Math.Max(await DeleteUploadsAsync(db, before, ct), await DeleteResultsAsync(db, before, ct));
    }

    /// <summary>
    /// <c>erasePerson</c>'s step for uploads: finding the person in a file would mean reading every file, so every upload
    /// no queued or running import reads goes, whatever its age; returns how many.
    /// </summary>
    public async Task<int> DeleteIdleUploadsAsync(PlatformDbContext db, CancellationToken ct)
    {
        var now = Time.GetUtcNow().UtcDateTime;
        var (deleted, count) = (0, 0);
        do
        {
            count = await DeleteUploadsAsync(db, now, ct);
            deleted += count;
        }
        while (count == Batch);
        return deleted;
    }

    /// <summary>Deletes up to a batch of the uploads made at or before <paramref name="before"/> that no queued or running import reads.</summary>
    private async Task<int> DeleteUploadsAsync(PlatformDbContext db, DateTime before, CancellationToken ct)
    {
        var uploads = await db.ImportFiles
            .Where(f => f.CreatedAt <= before
                && !db.LeadImports.Any(i => i.FileId == f.Id && (i.Status == LeadImportStatus.Queued || i.Status == LeadImportStatus.Running)))
            .OrderBy(f => f.CreatedAt).Select(f => f.Id).Take(Batch).ToListAsync(ct);
        foreach (var id in uploads)
        {
            // The file first: a crash between the two deletes it again next round, never leaves it unlisted.
            files.Delete(new ImportFile { Id = id }.StoredName);
            await db.ImportFiles.Where(f => f.Id == id).ExecuteDeleteAsync(ct);
        }
        return uploads.Count;
    }

    /// <summary>Deletes the results file and per-row results of up to a batch of the imports finished at or before <paramref name="before"/>.</summary>
    private async Task<int> DeleteResultsAsync(PlatformDbContext db, DateTime before, CancellationToken ct)
    {
        var imports = await db.LeadImports
            .Where(i => i.FinishedAt <= before && (i.ResultFileName != null || db.LeadImportRows.Any(r => r.ImportId == i.Id)))
            .OrderBy(i => i.Id).Select(i => new { i.Id, i.ResultFileName }).Take(Batch).ToListAsync(ct);
        foreach (var import in imports)
        {
            if (import.ResultFileName is { } name)
                files.Delete(name);
            await db.LeadImportRows.Where(r => r.ImportId == import.Id).ExecuteDeleteAsync(ct);
            await db.LeadImports.Where(i => i.Id == import.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.ResultFileName, (string?)null).SetProperty(i => i.ResultBytes, 0L), ct);
        }
        return imports.Count;
    }
}
