using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Data;
using Platform.Domain.Auditing;
using Platform.Domain.Leads;

namespace Platform.Api.Leads.Submission;

/// <summary>
/// Group commit of new leads (issue #4: landing pages submit in bursts). A submission that looks new waits here while the
/// batch before it is written; one writer then stores all that arrived meanwhile with one duplicate check, one insert of
/// the leads, one of their audit entries and one commit, instead of three round trips and two commits per lead.
/// A submission matching anything earlier (its idempotency key on a lead or a touch, or an open lead of the duplicate
/// window with its phone or e-mail), or one earlier in the same batch, is handed back once the batch is committed, and
/// the caller takes the one-by-one way (retry, repeat touch) — as every submission of a batch whose write fails.
/// </summary>
public sealed class LeadIntake(IServiceScopeFactory scopes, IOptions<LeadOptions> options, TimeProvider time, ILogger<LeadIntake> logger) : BackgroundService
{
    /// <summary>The most submissions written in one batch: bounds a batch's time (EF Core splits the statements at each provider's parameter limit).</summary>
    internal const int MaxBatch = 100;

    /// <summary>Who submitted, read in the request: stamped on the lead and the audit entry.</summary>
    public sealed record Caller(string? Name, string? ClientId);

    /// <summary>A new lead waiting to be written, the audit entry it gets once it has an id, and whether it was stored.</summary>
    internal sealed record Submission(Lead Lead, Caller By, Func<Lead, AuditLogEntry> AuditEntry)
    {
        public TaskCompletionSource<bool> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private readonly Channel<Submission> _queue = Channel.CreateUnbounded<Submission>(new UnboundedChannelOptions { SingleReader = true });
    private volatile bool _running;

    /// <summary>
    /// Writes <paramref name="lead"/> (assigned as configured) with the audit entry <paramref name="auditEntry"/> makes for
    /// it: true; false when it matches an earlier submission or open lead, or the write failed (then nothing of it was stored).
    /// Not cancellable once queued: the batch decides.
    /// </summary>
    public async Task<bool> TryStoreAsync(Lead lead, Caller by, Func<Lead, AuditLogEntry> auditEntry)
    {
        var submission = new Submission(lead, by, auditEntry);
        if (!_running || !_queue.Writer.TryWrite(submission))
            return false;
        return await submission.Stored.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _running = true;
        var batch = new List<Submission>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var submission))
                    batch.Add(submission);
                await StoreAsync(batch);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            // Stopping: whatever still waits goes the one-by-one way.
            _running = false;
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out var submission))
                batch.Add(submission);
            foreach (var submission in batch)
                submission.Stored.TrySetResult(false);
        }
    }

    /// <summary>Writes one batch in one transaction and tells each submission whether it was stored.</summary>
    internal async Task StoreAsync(IReadOnlyList<Submission> batch)
    {
        var stored = new List<Submission>(batch.Count);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            // Stamps come from each submission's caller (Stamp), not from this context's actor.
            await using var db = scope.ServiceProvider.CreatePlatformDbContext(new Unnamed());
            // Only new rows, all added explicitly: nothing for change detection to find.
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var earlier = await EarlierAsync(db, batch, time.GetUtcNow().UtcDateTime.AddDays(-options.Value.DuplicateWindowDays));
            var routing = scope.ServiceProvider.GetRequiredService<LeadRouting>();
            foreach (var submission in batch)
            {
                if (!earlier.Claim(submission.Lead))
                    continue;
                if (options.Value.AutoAssign)
                    await routing.AssignNewAsync(submission.Lead, CancellationToken.None);
                Stamp(submission.Lead, submission.By);
                stored.Add(submission);
            }
            if (stored.Count > 0)
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                db.Leads.AddRange(stored.Select(s => s.Lead));
                await db.SaveChangesAsync(); // the leads get their ids
                foreach (var submission in stored)
                {
                    var entry = submission.AuditEntry(submission.Lead);
                    entry.Actor = submission.By.Name;
                    entry.ClientId = submission.By.ClientId;
                    db.AuditLog.Add(entry);
                }
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            }
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "A batch of {Count} lead submissions failed; each is retried on its own.", batch.Count);
            stored.Clear();
        }
        // Only now, committed or not: a handed-back duplicate must find the lead it duplicates.
        foreach (var submission in batch)
            submission.Stored.TrySetResult(stored.Contains(submission));
    }

    /// <summary>What the leads and touches of the database, then the earlier submissions of the batch, already claim.</summary>
    internal sealed class Claims
    {
        private readonly HashSet<(string?, string)> _keys = [];
        private readonly HashSet<string> _phones = [];
        private readonly HashSet<string> _emails = [];

        public void Add(string? source, string? key, string? phone, string? email)
        {
            if (key is not null)
                _keys.Add((source, key));
            if (phone is not null)
                _phones.Add(phone);
            if (email is not null)
                _emails.Add(email);
        }

        /// <summary>True, and claims them, when nothing claimed <paramref name="lead"/>'s key, phone or e-mail yet.</summary>
        public bool Claim(Lead lead)
        {
            if ((lead.IdempotencyKey is { } key && _keys.Contains((lead.SubmissionSource, key)))
                || (lead.Phone is { } phone && _phones.Contains(phone))
                || (lead.Email is { } email && _emails.Contains(email)))
                return false;
            Add(lead.SubmissionSource, lead.IdempotencyKey, lead.Phone, lead.Email);
            return true;
        }
    }

    /// <summary>One statement for the whole batch: the same matches as the one-by-one duplicate check, for all its keys, phones and e-mails.</summary>
    internal static async Task<Claims> EarlierAsync(PlatformDbContext db, IReadOnlyList<Submission> batch, DateTime since)
    {
        // Sources and keys both: the unique (source, key) indexes of leads and activities serve them.
        var sources = batch.Where(s => s.Lead.IdempotencyKey is not null).Select(s => s.Lead.SubmissionSource).OfType<string>().Distinct().ToList();
        var keys = batch.Select(s => s.Lead.IdempotencyKey).OfType<string>().Distinct().ToList();
        var phones = batch.Select(s => s.Lead.Phone).OfType<string>().Distinct().ToList();
        var emails = batch.Select(s => s.Lead.Email).OfType<string>().Distinct().ToList();
        // The window is selected, not filtered on (DuplicateWindow): never a scan of the window's leads.
        var rows = await db.Leads
            .Where(l => (l.SubmissionSource != null && sources.Contains(l.SubmissionSource) && l.IdempotencyKey != null && keys.Contains(l.IdempotencyKey))
                || (l.Phone != null && phones.Contains(l.Phone))
                || (l.Email != null && emails.Contains(l.Email)))
            .Select(DuplicateWindow.Select(since, (l, open) => new { Source = l.SubmissionSource, Key = l.IdempotencyKey, l.Phone, l.Email, Open = open }))
            .Concat(db.Activities
                .Where(a => a.SubmissionSource != null && sources.Contains(a.SubmissionSource) && a.IdempotencyKey != null && keys.Contains(a.IdempotencyKey))
                .Select(a => new { Source = a.SubmissionSource, Key = a.IdempotencyKey, Phone = (string?)null, Email = (string?)null, Open = false }))
            .ToListAsync();
        var claims = new Claims();
        // A key claims whatever its row; a phone or e-mail only on an open lead of the duplicate window.
        foreach (var row in rows)
            claims.Add(row.Source, row.Key, row.Open ? row.Phone : null, row.Open ? row.Email : null);
        return claims;
    }

    /// <summary>The submitter's name on the lead and its tasks (AuditStampInterceptor fills only what is unset).</summary>
    private static void Stamp(Lead lead, Caller by)
    {
        lead.CreatedBy = lead.UpdatedBy = by.Name;
        foreach (var activity in lead.Activities)
            activity.CreatedBy = activity.UpdatedBy = by.Name;
    }

    /// <summary>The writer's own actor: no name nor client, so the stamps stay each submitter's; sees every lead.</summary>
    private sealed class Unnamed : ICurrentActor
    {
        public string? Name => null;

        public string? ClientId => null;
    }
}
