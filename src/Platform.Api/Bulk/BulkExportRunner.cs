using System.Buffers;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Api.Availability;
using Platform.Data;
using Platform.Domain.Bulk;
using Platform.Domain;

namespace Platform.Api.Bulk;

/// <summary>
/// Writes queued exports, on every node (<see cref="BulkExportOptions.RunInBackground"/>): at once when this node
/// started one, else every <see cref="BulkExportOptions.PollInterval"/>. A node claims an export and holds it by a lease
/// it renews after every page (<see cref="BulkExportClaims"/>); when it dies, the lease runs out and another node starts
/// the export again from the beginning (a new file), up to <see cref="BulkExportOptions.MaxAttempts"/> times. Rows of any type (<see cref="BulkExportSources"/>) are read by keyset on the id, a page at a time, as
/// the export's caller (partner isolation and lead ownership apply), and streamed through gzip into the file store.
/// </summary>
public sealed class BulkExportRunner(
    IServiceScopeFactory scopes, IBulkFileStore files, IOptions<BulkExportOptions> options, TimeProvider time, DatabaseAvailability availability,
    ILogger<BulkExportRunner> logger) : QueuedJobRunner(availability, time, logger, "bulk exports")
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    private readonly string _holder = Guid.NewGuid().ToString("N");

    private BulkExportOptions Options => options.Value;

    protected override bool RunInBackground => Options.RunInBackground;

    protected override TimeSpan PollInterval => Options.PollInterval;

    public override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        if (await ClaimAsync(ct) is not { } export)
            return false;
        try
        {
            await WriteAsync(export, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            Logger.LogWarning(e, "Bulk export {Id} stopped at attempt {Attempt}; it is started again.", export.Id, export.Attempts);
            await ReleaseAsync(export.Id);
        }
        return true;
    }

    /// <summary>An export to write, claimed for this node (<see cref="BulkExportClaims"/>); null when there is none.</summary>
    private async Task<BulkExport?> ClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = scope.ServiceProvider.CreatePlatformDbContext(new SystemActor());
        while (true)
        {
            var now = Now;
            if (await BulkExportClaims.NextAsync(db, now, ct) is not { } candidate)
                return null;
            if (candidate.Attempts >= Options.MaxAttempts)
            {
                await GiveUpAsync(db, candidate, now, ct);
                continue;
            }
            var file = $"{candidate.Id}-{candidate.Attempts + 1}.jsonl.gz";
            if (!await BulkExportClaims.TakeAsync(db, candidate, _holder, file, now, now + Options.Lease, ct))
                continue;
            // What a node that died while writing it left behind.
            if (candidate.FileName is { } abandoned)
                files.Delete(abandoned);
            candidate.Attempts++;
            candidate.FileName = file;
            return candidate;
        }
    }

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
        var source = BulkExportSources.Of(export.Type);
        var rows = 0L;
        long bytes;
        try
        {
            bytes = await files.WriteAsync(export.FileName!, async stream => rows = await source.WriteAsync(this, stream, db, export, ct), ct);
        }
        catch (ExportStopped)
        {
            return;
        }
        var done = await db.BulkExports.SingleAsync(e => e.Id == export.Id, ct);
        if (done.Status != BulkExportStatus.Running || done.Holder != _holder)
            return;
        done.Complete(rows, bytes, Now, Options.Retention);
        await SaveIfUnchangedAsync(db, ct);
    }

    /// <summary>
    /// Writes the rows through gzip into <paramref name="stream"/> and returns how many. Each row is serialized as it
    /// streams in from the database and then dropped, so rows die young and what is held is two buffers, not pages of
    /// rows; a page's buffer is compressed on another thread while the next page fills the other. Between pages the lease
    /// is renewed, with no read in flight.
    /// </summary>
    internal async Task<long> WriteRowsAsync<T>(Stream stream, PlatformDbContext db, IQueryable<T> rows, BulkExport export,
        IReadOnlyList<ExportColumn<T>> columns, CancellationToken ct) where T : Entity
    {
        var size = Options.PageSize;
        await using var gzip = new GZipStream(stream, CompressionLevel.Fastest);
        ArrayBufferWriter<byte>[] buffers = [new(1 << 20), new(1 << 20)];
        await using var json = new Utf8JsonWriter(buffers[0]);
        var written = 0L;
        var compressing = Task.CompletedTask;
        try
        {
            for (var (turn, last) = (0, 0L); ; turn++)
            {
                // The other buffer's compression was awaited last turn, so this one is free.
                var buffer = buffers[turn % 2];
                buffer.ResetWrittenCount();
                var read = 0;
                await foreach (var row in Page(rows, last, size).AsAsyncEnumerable().WithCancellation(ct))
                {
                    json.Reset(buffer);
                    ExportColumns<T>.Write(json, columns, row, export.CreatedAt);
                    json.Flush();
                    buffer.Write(NewLine);
                    last = row.Id;
                    read++;
                }
                await compressing;
                compressing = Task.Run(async () => await gzip.WriteAsync(buffer.WrittenMemory, ct), ct);
                written += read;
                if (read < size)
                    return written;
                if (!await BulkExportClaims.RenewAsync(db, export.Id, _holder, Now + Options.Lease, ct))
                    throw new ExportStopped();
            }
        }
        finally
        {
            await compressing;
        }
    }

    /// <summary>The next page of rows: keyset on the id, no OFFSET.</summary>
    internal static IQueryable<T> Page<T>(IQueryable<T> rows, long after, int size) where T : Entity => rows.Where(r => r.Id > after).OrderBy(r => r.Id).Take(size);

    /// <summary>Lets another round start the export again at once, after an error here.</summary>
    private async Task ReleaseAsync(long id)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await using var db = scope.ServiceProvider.CreatePlatformDbContext(new SystemActor());
            await BulkExportClaims.ReleaseAsync(db, id, _holder, Now, CancellationToken.None);
        }
        catch (Exception e)
        {
            Logger.LogWarning(e, "Bulk export {Id} was not released; another node starts it again when its lease runs out.", id);
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

    /// <summary>The export was cancelled or another node took it over: this node stops writing it.</summary>
    private sealed class ExportStopped : Exception;

    /// <summary>The caller an export runs as: what it may read is what the export holds.</summary>
    private sealed record ExportCaller(string? Name, long? PartnerId, long? LeadOwnerId) : ICurrentActor
    {
        public string? ClientId => null;
    }
}
