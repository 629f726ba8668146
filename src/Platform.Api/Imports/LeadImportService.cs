using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Bulk;
using Platform.Api.Common;
using Platform.Data;
using Platform.Domain.Imports;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Imports;

/// <summary>
/// Starts, finds and cancels the caller's lead imports. The file, its format and the mapping are checked before anything
/// is stored; an import or file not the caller's is answered as one that does not exist.
/// </summary>
public sealed class LeadImportService(PlatformDbContext db, TimeProvider time, IHttpContextAccessor http, ICurrentActor actor, IBulkFileStore files, LeadImportRunner runner)
{
    private string? _ownerKey;

    private string OwnerKey => _ownerKey ??= CallerKeys.Of(http.HttpContext?.User ?? throw new InvalidOperationException("Imports are managed within a request."), actor);

    /// <summary>The caller's imports.</summary>
    public IQueryable<LeadImport> Imports()
    {
        var key = OwnerKey;
        return db.LeadImports.Where(i => i.OwnerKey == key);
    }

    public Task<LeadImport?> FindAsync(long id, CancellationToken ct) => Imports().AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);

    public async Task<LeadImportPayload> StartAsync(ImportLeadsInput input, CancellationToken ct)
    {
        var key = OwnerKey;
        var file = await db.ImportFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == input.FileId && f.OwnerKey == key, ct);
        await using var stream = file is null ? null : files.OpenRead(file.StoredName);
        if (stream is null)
            return LeadImportPayload.Failed(new NotFoundError(input.FileId, $"No file of yours has the ID \"{input.FileId}\"; upload it with POST {ImportFileUpload.Path} first."));
        var (columns, problem) = await ImportRowReader.ColumnsAsync(stream, input.Format, ct);
        if (problem is not null)
            return LeadImportPayload.Failed(new ValidationError("format", $"The file cannot be read as {input.Format.ToString().ToUpperInvariant()}: {problem}"));
        var (mapping, error) = Mapping(input.Mapping, columns, input.Format);
        if (error is not null)
            return LeadImportPayload.Failed(error);
        var import = new LeadImport
        {
            OwnerKey = key,
            OwnerName = actor.Name,
            ClientId = actor.ClientId,
            FileId = file!.Id,
            FileSha256 = file.Sha256,
            Format = input.Format,
            Mapping = JsonSerializer.Serialize(mapping),
            Defaults = JsonSerializer.Serialize(Defaults(input.Defaults)),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.LeadImports.Add(import);
        await db.SaveChangesAsync(ct);
        runner.Wake();
        return LeadImportPayload.Ok(import);
    }

    /// <summary>Cancels a queued or running import; a node running it stops after its current batch.</summary>
    public async Task<LeadImportPayload> CancelAsync(long id, string globalId, CancellationToken ct)
    {
        while (true)
        {
            var import = await Imports().SingleOrDefaultAsync(i => i.Id == id, ct);
            if (import is null)
                return LeadImportPayload.Failed(new NotFoundError(globalId, $"No lead import of yours has the ID \"{globalId}\"."));
            if (!import.IsActive)
                return LeadImportPayload.Failed(new TransitionNotAllowedError(ApiName(import.Status), ApiName(LeadImportStatus.Cancelled), [],
                    $"The import is {ApiName(import.Status)}; only a queued or running import can be cancelled."));
            import.Cancel(time.GetUtcNow().UtcDateTime);
            try
            {
                await db.SaveChangesAsync(ct);
                return LeadImportPayload.Ok(import);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A node claimed, finished or gave it up meanwhile: decide again on what it is now.
                db.Entry(import).State = EntityState.Detached;
            }
        }
    }

    /// <summary>
    /// Column → field: the mapping given, or every column named like a field. Each field is fed by one column that the
    /// file has (a CSV header; JSON Lines rows may differ, so their columns are not checked), and the required ones are fed.
    /// </summary>
    private static (Dictionary<string, string> Mapping, ValidationError? Error) Mapping(List<ImportColumnInput>? given, IReadOnlyList<string> columns, ImportFormat format)
    {
        // JSON Lines rows may hold different properties: any may be named like a field.
        var named = format == ImportFormat.Csv ? columns.Where(LeadImportFields.Exists) : LeadImportFields.Names;
        var pairs = given?.Select(m => (m.Column, m.Field)).ToList() ?? [.. named.Select(c => (c, c))];
        if (pairs.FirstOrDefault(p => !LeadImportFields.Exists(p.Field)) is { Field: not null } unknown)
            return ([], new ValidationError("mapping", $"\"{unknown.Field}\" is not a field an import can feed; use one of {string.Join(", ", LeadImportFields.Names)}."));
        if (pairs.GroupBy(p => p.Field).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return ([], new ValidationError("mapping", $"The field \"{twice.Key}\" is fed by more than one column ({string.Join(", ", twice.Select(p => p.Column))}); map one."));
        if (pairs.GroupBy(p => p.Column).FirstOrDefault(g => g.Count() > 1) is { } repeated)
            return ([], new ValidationError("mapping", $"The column \"{repeated.Key}\" is mapped more than once."));
        if (format == ImportFormat.Csv && pairs.FirstOrDefault(p => !columns.Contains(p.Column)) is { Column: not null } missing)
            return ([], new ValidationError("mapping", $"The file has no column \"{missing.Column}\"; its columns are {string.Join(", ", columns)}."));
        if (LeadImportFields.Required.FirstOrDefault(f => pairs.All(p => p.Field != f)) is { } required)
            return ([], new ValidationError("mapping", $"No column feeds \"{required}\", which every lead needs (L6); map the column that holds it."));
        return (pairs.ToDictionary(p => p.Column, p => p.Field), null);
    }

    private static Dictionary<string, string> Defaults(ImportDefaultsInput? defaults)
    {
        var values = new Dictionary<string, string>();
        if (defaults is null)
            return values;
        void Add(string field, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
                values[field] = value;
        }
        Add("channel", defaults.Channel);
        Add("landingPage", defaults.LandingPage);
        Add("requestType", defaults.RequestType?.ToString());
        Add("utmSource", defaults.UtmSource);
        Add("utmMedium", defaults.UtmMedium);
        Add("utmCampaign", defaults.UtmCampaign);
        return values;
    }

    private static string ApiName(LeadImportStatus status) => status.ToString().ToUpperInvariant();
}
