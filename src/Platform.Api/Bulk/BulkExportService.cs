using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Common;
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
    PlatformDbContext db, TimeProvider time, IHttpContextAccessor http, ICurrentActor actor, IAuthorizationService authorization, ContactNormalizer normalizer,
    BulkExportRunner runner)
{
    private string? _ownerKey;

    private ClaimsPrincipal User => http.HttpContext?.User ?? throw new InvalidOperationException("Exports are managed within a request.");

    private string OwnerKey => _ownerKey ??= CallerKeys.Of(User, actor);

    /// <summary>The caller's exports.</summary>
    public IQueryable<BulkExport> Exports()
    {
        var key = OwnerKey;
        return db.BulkExports.Where(e => e.OwnerKey == key);
    }

    public Task<BulkExport?> FindAsync(long id, CancellationToken ct) => Exports().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);

    public async Task<BulkExportPayload> StartAsync(StartBulkExportInput input, CancellationToken ct)
    {
        var source = BulkExportSources.Of(input.Type);
        var type = input.Type.ToString().ToUpperInvariant();
        if (!(await authorization.AuthorizeAsync(User, source.Policy)).Succeeded)
            return BulkExportPayload.Failed(new ExportNotAllowedError(input.Type, $"You may not read `{source.ListField}`, so you may not export {type}."));
        if (BulkExportSources.All.FirstOrDefault(s => s != source && s.FilterOf(input, normalizer) is not null) is { } other)
            return BulkExportPayload.Failed(new ValidationError(other.FilterField!, source.FilterField is { } own
                ? $"`{other.FilterField}` filters {other.Type.ToString().ToUpperInvariant()}; filter {type} with `{own}`."
                : $"`{other.FilterField}` filters {other.Type.ToString().ToUpperInvariant()}; {type} takes no filter."));
        var names = source.FieldNames;
        if (input.Fields is { } fields && (fields.Count == 0 || fields.FirstOrDefault(f => !names.Contains(f)) is not null))
            return BulkExportPayload.Failed(new ValidationError("fields", fields.Count == 0
                ? "Name at least one field, or leave `fields` out for all of them."
                : $"The {source.TypeName} type has no field \"{fields.First(f => !names.Contains(f))}\" to export; it has {string.Join(", ", names)}."));
        var now = time.GetUtcNow().UtcDateTime;
        var filter = source.FilterOf(input, normalizer) is { } given ? JsonSerializer.Serialize(given, given.GetType()) : null;
        // A bad ID or text in the filter is the error the list field gives, before anything is stored.
        source.Check(db, filter, now);
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
            Filter = filter,
            Fields = string.Join(',', names.Where(n => n == "id" || (input.Fields ?? names).Contains(n))),
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
