using System.Buffers;
using System.IO.Compression;
using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Api.Availability;
using Platform.Api.Leads;
using Platform.Data;
using Platform.Domain.Bulk;
using Platform.Domain.Leads;

namespace Platform.Api.Bulk;

/// <summary>
/// Writes queued exports, on every node (<see cref="BulkExportOptions.RunInBackground"/>): at once when this node
/// started one, else every <see cref="BulkExportOptions.PollInterval"/>. A node claims an export with one conditional
/// UPDATE on the attempt it read, so of several nodes exactly one wins, and holds it by a lease it renews after every
/// page; when it dies, the lease runs out and another node starts the export again from the beginning (a new file),
/// up to <see cref="BulkExportOptions.MaxAttempts"/> times. Rows are read by keyset on the id, a page at a time, as
/// the export's caller (partner isolation and lead ownership apply), and streamed through gzip into the file store.
/// </summary>
public sealed class BulkExportRunner(
    IServiceScopeFactory scopes, IBulkFileStore files, IOptions<BulkExportOptions> options, TimeProvider time, DatabaseAvailability availability,
    ILogger<BulkExportRunner> logger) : BackgroundService
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    private readonly string _holder = Guid.NewGuid().ToString("N");
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BulkExportOptions Options => options.Value;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Looks for work at once: an export was started.</summary>
    public void Wake() => Interlocked.Exchange(ref _wake, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Options.RunInBackground)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wake = Volatile.Read(ref _wake).Task;
            try
            {
                await availability.WhenAvailableAsync(stoppingToken);
                while (await RunOnceAsync(stoppingToken))
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                availability.ReportFailure(e);
                logger.LogWarning(e, "Looking for bulk exports failed; retrying at the next poll.");
            }
            await Task.WhenAny(wake, Task.Delay(Options.PollInterval, time, stoppingToken));
        }
    }

    /// <summary>Claims one export and writes it; false when none is waiting. What the background loop does, in the caller's time.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        if (await ClaimAsync(ct) is not { } export)
            return false;
        try
        {
            await WriteAsync(export, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Bulk export {Id} stopped at attempt {Attempt}; it is started again.", export.Id, export.Attempts);
            await ReleaseAsync(export.Id);
        }
        return true;
    }

    /// <summary>An export to write: queued, or running on a node whose lease ran out. Null when there is none.</summary>
    private async Task<BulkExport?> ClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = scope.ServiceProvider.CreatePlatformDbContext(new SystemActor());
        while (true)
        {
            var now = Now;
            var candidate = await db.BulkExports.AsNoTracking().Where(Claimable(now)).OrderBy(e => e.Id).FirstOrDefaultAsync(ct);
            if (candidate is null)
                return null;
            if (candidate.Attempts >= Options.MaxAttempts)
            {
                await GiveUpAsync(db, candidate, now, ct);
                continue;
            }
            var attempt = candidate.Attempts + 1;
            var file = $"{candidate.Id}-{attempt}.jsonl.gz";
            var until = now + Options.Lease;
            // Of nodes claiming the same attempt, the first UPDATE wins: the others find Attempts moved on.
            var claimed = await db.BulkExports.Where(e => e.Id == candidate.Id && e.Attempts == candidate.Attempts).Where(Claimable(now))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, BulkExportStatus.Running).SetProperty(e => e.Attempts, attempt)
                    .SetProperty(e => e.Holder, _holder).SetProperty(e => e.LockedUntil, until).SetProperty(e => e.StartedAt, now)
                    .SetProperty(e => e.FileName, file).SetProperty(e => e.RowCount, 0L).SetProperty(e => e.Bytes, 0L), ct);
            if (claimed == 0)
                continue;
            // What a node that died while writing it left behind.
            if (candidate.FileName is { } abandoned)
                files.Delete(abandoned);
            candidate.Attempts = attempt;
            candidate.FileName = file;
            return candidate;
        }
    }

    private static Expression<Func<BulkExport, bool>> Claimable(DateTime now) =>
        e => e.Status == BulkExportStatus.Queued || (e.Status == BulkExportStatus.Running && e.LockedUntil <= now);

    /// <summary>Fails an export every attempt of which stopped (its nodes died or an error ended them).</summary>
    private async Task GiveUpAsync(PlatformDbContext db, BulkExport candidate, DateTime now, CancellationToken ct)
    {
        var export = await db.BulkExports.SingleAsync(e => e.Id == candidate.Id, ct);
        if (export.IsActive && export.Attempts == candidate.Attempts)
        {
            export.Fail($"The export stopped {export.Attempts} times before it was written; start it again.", now);
            await SaveIfUnchangedAsync(db, ct);
        }
        db.ChangeTracker.Clear();
    }

    private async Task WriteAsync(BulkExport export, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = scope.ServiceProvider.CreatePlatformDbContext(new ExportCaller(export.OwnerName, export.PartnerId, export.LeadOwnerId));
        var filter = JsonSerializer.Deserialize<LeadFilter>(export.Filter ?? "{}") ?? new LeadFilter();
        var leads = filter.Apply(db.Leads.AsNoTracking(), export.CreatedAt);
        var columns = LeadExportColumns.Columns.Select(export.Fields.Split(','));
        var rows = 0L;
        var stopped = false;
        long bytes;
        try
        {
            bytes = await files.WriteAsync(export.FileName!, async stream =>
            {
                await using var gzip = new GZipStream(stream, CompressionLevel.Fastest);
                var buffer = new ArrayBufferWriter<byte>(1 << 20);
                await using var json = new Utf8JsonWriter(buffer);
                var last = 0L;
                while (true)
                {
                    var page = await leads.Where(l => l.Id > last).OrderBy(l => l.Id).Take(Options.PageSize).ToListAsync(ct);
                    foreach (var lead in page)
                    {
                        json.Reset(buffer);
                        ExportColumns<Lead>.Write(json, columns, lead, export.CreatedAt);
                        json.Flush();
                        buffer.Write(NewLine);
                    }
                    await gzip.WriteAsync(buffer.WrittenMemory, ct);
                    buffer.ResetWrittenCount();
                    rows += page.Count;
                    if (page.Count < Options.PageSize)
                        return;
                    last = page[^1].Id;
                    if (!await RenewAsync(db, export.Id, ct))
                    {
                        stopped = true;
                        throw new OperationCanceledException("The export was cancelled or taken over.");
                    }
                }
            }, ct);
        }
        catch (OperationCanceledException) when (stopped)
        {
            return;
        }
        var done = await db.BulkExports.SingleAsync(e => e.Id == export.Id, ct);
        if (done.Status != BulkExportStatus.Running || done.Holder != _holder)
            return;
        done.Complete(rows, bytes, Now, Options.Retention);
        await SaveIfUnchangedAsync(db, ct);
    }

    /// <summary>Renews this node's lease; false when the export was cancelled or another node took it over.</summary>
    private async Task<bool> RenewAsync(PlatformDbContext db, long id, CancellationToken ct)
    {
        var until = Now + Options.Lease;
        return await db.BulkExports.Where(e => e.Id == id && e.Holder == _holder && e.Status == BulkExportStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LockedUntil, until), ct) == 1;
    }

    /// <summary>Lets another round start the export again at once, after an error here.</summary>
    private async Task ReleaseAsync(long id)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await using var db = scope.ServiceProvider.CreatePlatformDbContext(new SystemActor());
            var now = Now;
            await db.BulkExports.Where(e => e.Id == id && e.Holder == _holder && e.Status == BulkExportStatus.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.LockedUntil, now).SetProperty(e => e.Holder, (string?)null));
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Bulk export {Id} was not released; another node starts it again when its lease runs out.", id);
        }
    }

    /// <summary>Saves a status change unless another node or the caller changed the status first (then theirs stands).</summary>
    private static async Task SaveIfUnchangedAsync(PlatformDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
        }
    }

    /// <summary>The caller an export runs as: what it may read is what the export holds.</summary>
    private sealed record ExportCaller(string? Name, long? PartnerId, long? LeadOwnerId) : ICurrentActor
    {
        public string? ClientId => null;
    }
}
