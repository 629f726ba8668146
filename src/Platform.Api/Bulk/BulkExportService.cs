using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Common;
using Platform.Api.Leads;
using Platform.Api.Leads.Submission;
using Platform.Data;
using Platform.Domain.Bulk;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Bulk;

/// <summary>
/// Starts, finds and cancels the caller's bulk exports. Every check comes before anything is stored; an export not the
/// caller's is answered as one that does not exist.
/// </summary>
public sealed class BulkExportService(
    PlatformDbContext db, TimeProvider time, IHttpContextAccessor http, ICurrentActor actor, ContactNormalizer normalizer, BulkExportRunner runner)
{
    private string? _ownerKey;

    private string OwnerKey => _ownerKey ??= CallerKeys.Of(http.HttpContext?.User ?? throw new InvalidOperationException("Exports are managed within a request."), actor);

    /// <summary>The caller's exports.</summary>
    public IQueryable<BulkExport> Exports()
    {
        var key = OwnerKey;
        return db.BulkExports.Where(e => e.OwnerKey == key);
    }

    public Task<BulkExport?> FindAsync(long id, CancellationToken ct) => Exports().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);

    public async Task<BulkExportPayload> StartAsync(StartBulkExportInput input, CancellationToken ct)
    {
        var columns = LeadExportColumns.Columns;
        if (input.Fields is { } fields && (fields.Count == 0 || fields.FirstOrDefault(f => !columns.Names.Contains(f)) is not null))
            return BulkExportPayload.Failed(new ValidationError("fields", fields.Count == 0
                ? "Name at least one field, or leave `fields` out for all of them."
                : $"The Lead type has no field \"{fields.First(f => !columns.Names.Contains(f))}\" to export; it has {string.Join(", ", columns.Names)}."));
        var now = time.GetUtcNow().UtcDateTime;
        var filter = input.LeadFilter ?? new LeadFilter();
        filter.NormalizeSearch(normalizer);
        // A bad ID or text in the filter is the error `leads(filter:)` gives, before anything is stored.
        _ = filter.Apply(db.Leads, now);
        if (await ActiveAsync(ct) is { } active)
            return InProgress(active);
        var export = new BulkExport
        {
            OwnerKey = OwnerKey,
            ActiveOwnerKey = OwnerKey,
            OwnerName = actor.Name,
            PartnerId = actor.PartnerId,
            LeadOwnerId = actor.LeadOwnerId,
            Type = input.Type,
            Filter = JsonSerializer.Serialize(filter),
            Fields = string.Join(',', columns.Select(input.Fields ?? columns.Names).Select(c => c.Name)),
            CreatedAt = now,
        };
        db.BulkExports.Add(export);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Another request of the caller started one first, maybe on another node.
            db.Entry(export).State = EntityState.Detached;
            return await ActiveAsync(ct) is { } first ? InProgress(first) : throw new InvalidOperationException("The export in progress ended meanwhile.", e);
        }
        runner.Wake();
        return BulkExportPayload.Ok(export);
    }

    /// <summary>Cancels a queued or running export; a node writing it stops at its next page and its partial file is deleted.</summary>
    public async Task<BulkExportPayload> CancelAsync(long id, string globalId, CancellationToken ct)
    {
        while (true)
        {
            var export = await Exports().SingleOrDefaultAsync(e => e.Id == id, ct);
            if (export is null)
                return BulkExportPayload.Failed(new NotFoundError(globalId, $"No bulk export of yours has the ID \"{globalId}\"."));
            if (!export.IsActive)
                return BulkExportPayload.Failed(new TransitionNotAllowedError(ApiName(export.Status), ApiName(BulkExportStatus.Cancelled), [],
                    $"The export is {ApiName(export.Status)}; only a queued or running export can be cancelled."));
            export.Cancel(time.GetUtcNow().UtcDateTime);
            try
            {
                await db.SaveChangesAsync(ct);
                return BulkExportPayload.Ok(export);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A node claimed, finished or gave it up meanwhile: decide again on what it is now.
                db.Entry(export).State = EntityState.Detached;
            }
        }
    }

    private Task<BulkExport?> ActiveAsync(CancellationToken ct) => Exports().AsNoTracking().SingleOrDefaultAsync(e => e.ActiveOwnerKey != null, ct);

    private static BulkExportPayload InProgress(BulkExport active)
    {
        var id = GlobalId.Encode(BulkExportGraphType.TypeName, active.Id);
        return BulkExportPayload.Failed(new ExportInProgressError(id, $"Your export {id} is still {ApiName(active.Status)}; one export runs per caller at a time. Wait for it or cancel it."));
    }

    private static string ApiName(BulkExportStatus status) => status.ToString().ToUpperInvariant();
}
