using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Api.Auditing;
using Platform.Api.Availability;
using Platform.Api.Bulk;
using Platform.Api.Common;
using Platform.Api.Leads.Submission;
using Platform.Data;
using Platform.Domain.Imports;
using Platform.Domain.Leads;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Imports;

/// <summary>
/// Runs queued lead imports, on every node (<see cref="LeadImportOptions.RunInBackground"/>): at once when this node
/// started one, else every <see cref="LeadImportOptions.PollInterval"/>. A node claims an import with a lease
/// (<see cref="LeadImportClaims"/>) and reads the file a batch of rows at a time; each row is a <c>submitLead</c> by the
/// import's caller through <see cref="LeadSubmissionService"/> (validation, duplicates and repeat touches, attribution,
/// assignment, the batched intake), keyed by the file's hash and the row's number. The batch's results are committed
/// with the import's progress and lease: a node that dies leaves the import to the next, which resumes after the last
/// committed row; rows it stored but did not commit are found by their keys and not stored again. Once every row is
/// processed the results are written as JSON Lines to the bulk file store.
/// </summary>
public sealed class LeadImportRunner(
    IServiceScopeFactory scopes, IBulkFileStore files, IOptions<LeadImportOptions> options, TimeProvider time, DatabaseAvailability availability,
    ILogger<LeadImportRunner> logger) : QueuedJobRunner(availability, time, logger, "lead imports")
{
    /// <summary>The audit operation of the rows an import stores.</summary>
    public const string Operation = "importLeads";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly string _holder = Guid.NewGuid().ToString("N");

    private LeadImportOptions Options => options.Value;

    protected override bool RunInBackground => Options.RunInBackground;

    protected override TimeSpan PollInterval => Options.PollInterval;

    public override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        if (await ClaimAsync(ct) is not { } import)
            return false;
        try
        {
            await RunAsync(import, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            Logger.LogWarning(e, "Lead import {Id} stopped at attempt {Attempt}; it is resumed.", import.Id, import.Attempts);
            await ReleaseAsync(import.Id);
        }
        return true;
    }

    private async Task<LeadImport?> ClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = scope.ServiceProvider.CreatePlatformDbContext(new SystemActor());
        while (true)
        {
            var now = Now;
            if (await LeadImportClaims.NextAsync(db, now, ct) is not { } candidate)
                return null;
            if (candidate.Attempts >= Options.MaxAttempts)
            {
                await FinishAsync(db, candidate.Id, i => i.Attempts == candidate.Attempts && i.IsActive,
                    i => i.Fail($"The import stopped {i.Attempts} times before every row was processed; start it again: rows already imported are not imported twice.", now), ct);
                continue;
            }
            if (!await LeadImportClaims.TakeAsync(db, candidate, _holder, now, now + Options.Lease, ct))
                continue;
            candidate.Attempts++;
            return candidate;
        }
    }

    private async Task RunAsync(LeadImport import, CancellationToken ct)
    {
        var caller = new ImportCaller(import.OwnerName, import.ClientId);
        var mapping = JsonSerializer.Deserialize<Dictionary<string, string>>(import.Mapping)!;
        var defaults = JsonSerializer.Deserialize<Dictionary<string, string>>(import.Defaults)!;
        await using (var file = files.OpenRead(ImportFileName(import.FileId)))
        {
            if (file is null)
            {
                await using var scope = scopes.CreateAsyncScope();
                await using var db = scope.ServiceProvider.CreatePlatformDbContext(new SystemActor());
                await FinishAsync(db, import.Id, i => i.Holder == _holder, i => i.Fail("The uploaded file is gone; upload it again and start a new import.", Now), ct);
                return;
            }
            var batch = new List<ImportRow>(Options.BatchSize);
            await foreach (var row in ImportRowReader.ReadAsync(file, import.Format, import.RowCount, ct))
            {
                batch.Add(row);
                if (batch.Count == Options.BatchSize)
                {
                    if (!await ProcessAsync(import, caller, mapping, defaults, batch, ct))
                        return;
                    batch.Clear();
                }
            }
            if (batch.Count > 0 && !await ProcessAsync(import, caller, mapping, defaults, batch, ct))
                return;
        }
        await CompleteAsync(import, ct);
    }

    /// <summary>Processes a batch of rows and commits their results with the import's progress; false when the import is no longer this node's to run.</summary>
    private async Task<bool> ProcessAsync(LeadImport import, ImportCaller caller, Dictionary<string, string> mapping, Dictionary<string, string> defaults, List<ImportRow> rows, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = scope.ServiceProvider.CreatePlatformDbContext(new SystemActor());
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var stored = await StoredAsync(db, import, rows, ct);
        var results = new LeadImportRow[rows.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, rows.Count), new ParallelOptions { MaxDegreeOfParallelism = Options.Parallelism, CancellationToken = ct },
            async (i, token) => results[i] = stored.TryGetValue(rows[i].Number, out var lead)
                ? new LeadImportRow { ImportId = import.Id, RowNumber = rows[i].Number, Outcome = LeadImportOutcome.Unchanged, LeadId = lead }
                : await ProcessAsync(import, caller, mapping, defaults, rows[i], token));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var counts = new BatchCounts(Count(LeadImportOutcome.Created), Count(LeadImportOutcome.Touched), Count(LeadImportOutcome.Rejected), Count(LeadImportOutcome.Unchanged));
        if (!await LeadImportClaims.CommitBatchAsync(db, import.Id, _holder, rows[^1].Number, counts, Now + Options.Lease, ct))
            return false;
        db.LeadImportRows.AddRange(results);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;

        long Count(LeadImportOutcome outcome) => results.LongCount(r => r.Outcome == outcome);
    }

    /// <summary>
    /// The rows of the batch an earlier run of the same file stored (their keys made or touched a lead), with their
    /// leads: in one query, so a re-run does not submit them one by one only to be told so. Their keys are in the key
    /// space of the rows' submissions (<see cref="SubmissionOf"/>).
    /// </summary>
    private static async Task<Dictionary<long, long>> StoredAsync(PlatformDbContext db, LeadImport import, List<ImportRow> rows, CancellationToken ct)
    {
        var numbers = rows.ToDictionary(r => IdempotencyKey(import.FileSha256, r.Number), r => r.Number);
        var keys = numbers.Keys.ToList();
        var source = LeadSubmissionService.SourceOf(null, SubmissionOf(import, rows[0]));
        var found = await db.Leads.IgnoreQueryFilters()
            .Where(l => l.SubmissionSource == source && l.IdempotencyKey != null && keys.Contains(l.IdempotencyKey))
            .Select(l => new { Key = l.IdempotencyKey!, LeadId = l.Id })
            .Concat(db.Activities.IgnoreQueryFilters()
                .Where(a => a.SubmissionSource == source && a.IdempotencyKey != null && keys.Contains(a.IdempotencyKey) && a.LeadId != null)
                .Select(a => new { Key = a.IdempotencyKey!, LeadId = a.LeadId!.Value }))
            .ToListAsync(ct);
        var stored = new Dictionary<long, long>(found.Count);
        foreach (var row in found)
            stored[numbers[row.Key]] = row.LeadId;
        return stored;
    }

    /// <summary>One row: read into a submission and submitted as the import's caller, under the key of the file and row.</summary>
    private async Task<LeadImportRow> ProcessAsync(LeadImport import, ImportCaller caller, Dictionary<string, string> mapping, Dictionary<string, string> defaults, ImportRow row, CancellationToken ct)
    {
        var result = new LeadImportRow { ImportId = import.Id, RowNumber = row.Number, Outcome = LeadImportOutcome.Rejected };
        if (row.Malformed is { } malformed)
        {
            result.Errors = ErrorsJson([new RowError(null, "MALFORMED_ROW", malformed)]);
            return result;
        }
        var (input, errors) = LeadImportFields.Read(row.Cells, mapping, defaults);
        if (errors.Count > 0)
        {
            result.Errors = ErrorsJson(errors.Select(e => new RowError(e.Field, e.Code, e.Message)));
            return result;
        }
        await using var scope = scopes.CreateAsyncScope();
        await using var db = scope.ServiceProvider.CreatePlatformDbContext(caller);
        var service = ActivatorUtilities.CreateInstance<LeadSubmissionService>(scope.ServiceProvider, db, (ICurrentActor)caller);
        var from = SubmissionOf(import, row);
        var payload = await service.SubmitAsync(input, from, p => MutationAudit.Entry(Operation, [input], p, null), ct);
        if (payload.Errors.Count > 0)
        {
            result.Errors = ErrorsJson(payload.Errors.Select(e => new RowError((e as ValidationError)?.Field, e.Code, e.Message)));
            return result;
        }
        if (!payload.Audited && !payload.Replayed)
        {
            db.ChangeTracker.Clear();
            db.AuditLog.Add(MutationAudit.Entry(Operation, [input], payload, null));
            await db.SaveChangesAsync(ct);
        }
        result.LeadId = payload.Lead!.Id;
        result.Outcome = payload.Replayed ? LeadImportOutcome.Unchanged : payload.RepeatTouch ? LeadImportOutcome.Touched : LeadImportOutcome.Created;
        return result;
    }

    /// <summary>Where a row's submission comes from: the import's caller, under the key of the file and row.</summary>
    private static SubmissionContext SubmissionOf(LeadImport import, ImportRow row) => new(null, IdempotencyKey(import.FileSha256, row.Number), import.OwnerKey, null);

    /// <summary>A row's idempotency key: the same for the same row of the same file, whoever imports it how often.</summary>
    internal static string IdempotencyKey(string fileSha256, long row) => $"import:{fileSha256}:{row}";

    /// <summary>The stored name of an uploaded file.</summary>
    internal static string ImportFileName(string fileId) => new ImportFile { Id = fileId }.StoredName;

    /// <summary>Writes the results file from the stored row results, a page at a time, and completes the import.</summary>
    private async Task CompleteAsync(LeadImport import, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = scope.ServiceProvider.CreatePlatformDbContext(new SystemActor());
        var name = $"import-{import.Id}-{import.Attempts}.jsonl";
        var bytes = await files.WriteAsync(name, async stream =>
        {
            await using var json = new Utf8JsonWriter(stream);
            for (var after = 0L; ;)
            {
                var page = await db.LeadImportRows.AsNoTracking().Where(r => r.ImportId == import.Id && r.RowNumber > after)
                    .OrderBy(r => r.RowNumber).Take(5_000).ToListAsync(ct);
                foreach (var row in page)
                {
                    WriteResult(json, row);
                    await json.FlushAsync(ct);
                    json.Reset();
                    stream.WriteByte((byte)'\n');
                }
                if (page.Count < 5_000)
                    return;
                after = page[^1].RowNumber;
            }
        }, ct);
        await FinishAsync(db, import.Id, i => i.Holder == _holder, i => i.Complete(name, bytes, Now), ct);
    }

    /// <summary>One line of the results file: <c>{"row":…,"result":"CREATED","leadId":"…","errors":[…]}</c>.</summary>
    private static void WriteResult(Utf8JsonWriter json, LeadImportRow row)
    {
        json.WriteStartObject();
        json.WriteNumber("row", row.RowNumber);
        json.WriteString("result", row.Outcome.ToString().ToUpperInvariant());
        if (row.LeadId is { } lead)
            json.WriteString("leadId", GlobalId.Encode(nameof(Lead), lead));
        else
            json.WriteNull("leadId");
        json.WritePropertyName("errors");
        if (row.Errors is { } errors)
            json.WriteRawValue(errors);
        else
        {
            json.WriteStartArray();
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static string ErrorsJson(IEnumerable<RowError> errors) => JsonSerializer.Serialize(errors, Json);

    /// <summary>Changes the import if it still is as <paramref name="when"/> says; a change another node or the caller saved first stands.</summary>
    private static async Task FinishAsync(PlatformDbContext db, long id, Func<LeadImport, bool> when, Action<LeadImport> change, CancellationToken ct)
    {
        var import = await db.LeadImports.SingleAsync(i => i.Id == id, ct);
        if (import.IsActive && when(import))
        {
            change(import);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
            }
        }
        db.ChangeTracker.Clear();
    }

    private async Task ReleaseAsync(long id)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await using var db = scope.ServiceProvider.CreatePlatformDbContext(new SystemActor());
            await LeadImportClaims.ReleaseAsync(db, id, _holder, Now, CancellationToken.None);
        }
        catch (Exception e)
        {
            Logger.LogWarning(e, "Lead import {Id} was not released; another node resumes it when its lease runs out.", id);
        }
    }

    /// <summary>An error of a rejected row, as the results file writes it.</summary>
    private sealed record RowError(string? Field, string Code, string Message);

    /// <summary>The caller an import runs as: its rows are its submissions.</summary>
    private sealed record ImportCaller(string? Name, string? ClientId) : ICurrentActor;
}
