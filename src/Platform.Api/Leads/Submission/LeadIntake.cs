using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Data;
using Platform.Domain.Auditing;
using Platform.Domain.Leads;
using Platform.Domain.Privacy;

namespace Platform.Api.Leads.Submission;

/// <summary>
/// Group commit of submissions (landing pages submit in bursts). A submission waits here while the batch before it is
/// written; its person's writer (one of <see cref="Writers"/>) then stores all that arrived meanwhile with one duplicate check, one insert of the new leads, one
/// raise of the touch counts (and one read of the touched leads for their events), one insert of the repeat touches, one of the audit entries and one commit, instead of
/// several round trips and a commit per submission. A submission of a person with an open lead of the duplicate window,
/// in the database or earlier in the batch, is a repeat touch on that lead. One whose idempotency key is taken (a
/// retry) is handed back once the batch is committed, and the caller takes the one-by-one way — as every submission of
/// a batch whose write fails. A landing page's form token is used in the same transaction as its lead; a token another
/// submission used (in the database or earlier in the batch) is refused, and so is the submission of a person who asked
/// to be erased and not recorded again (one look at the suppressions for the whole batch).
/// </summary>
public sealed class LeadIntake(IServiceScopeFactory scopes, IOptions<LeadOptions> options, TimeProvider time, ILogger<LeadIntake> logger) : BackgroundService
{
    /// <summary>The most submissions written in one batch: bounds a batch's time (EF Core splits the statements at each provider's parameter limit).</summary>
    internal const int MaxBatch = 100;

    /// <summary>Who submitted, read in the request: stamped on the lead, the touch and the audit entry.</summary>
    public sealed record Caller(string? Name, string? ClientId);

    /// <summary>What became of a submission: stored as <see cref="Kind"/> on the lead <see cref="LeadId"/>, or handed back.</summary>
    public readonly record struct Outcome(OutcomeKind Kind, long LeadId)
    {
        public static readonly Outcome HandedBack = new(OutcomeKind.HandedBack, 0);
    }

    /// <summary>New lead, repeat touch, refused for a form token another submission used or a suppressed person, or back to the caller.</summary>
    public enum OutcomeKind { HandedBack, Created, Touched, FormTokenUsed, Suppressed }

    /// <summary>
    /// A submission waiting to be written: the lead it makes if the person is new, the activity it adds if the person is
    /// known, the audit entry it gets once its lead has an id (the lead, and whether it was a touch), and the use of its
    /// form token, if any, and the suppression hashes of its person (<c>Person.Hashes</c>).
    /// </summary>
    internal sealed record Submission(Lead Lead, Activity Touch, ConsentRecord Consent, Caller By, Func<Lead, bool, AuditLogEntry> AuditEntry, IReadOnlyList<string> PersonHashes, UsedFormToken? Token = null)
    {
        public TaskCompletionSource<Outcome> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>
    /// Batches written at once, each by its own writer from its own queue: one writer leaves the database and this
    /// process waiting on each other's round trips (a 100,000-row import took 64 s with one, 49 s with two).
    /// </summary>
    internal const int Writers = 2;

    private readonly Channel<Submission>[] _queues = [.. Enumerable.Range(0, Writers).Select(_ => Channel.CreateUnbounded<Submission>(new UnboundedChannelOptions { SingleReader = true }))];
    private volatile bool _running;

    /// <summary>
    /// Writes <paramref name="lead"/> (assigned as configured), or <paramref name="touch"/> on the person's open lead,
    /// with the audit entry <paramref name="auditEntry"/> makes and the use of its form token <paramref name="token"/>;
    /// refused when one of <paramref name="personHashes"/> is suppressed; handed back when its idempotency key or its token was used before by the same submission (a retry) or the write
    /// failed (then nothing of it was stored). Not cancellable once queued: the batch decides.
    /// </summary>
    public async Task<Outcome> TryStoreAsync(Lead lead, Activity touch, ConsentRecord consent, Caller by, Func<Lead, bool, AuditLogEntry> auditEntry, IReadOnlyList<string> personHashes, UsedFormToken? token = null)
    {
        var submission = new Submission(lead, touch, consent, by, auditEntry, personHashes, token);
        if (!_running || !QueueOf(lead).Writer.TryWrite(submission))
            return Outcome.HandedBack;
        return await submission.Result.Task;
    }

    /// <summary>
    /// The queue of the submission's person (by phone, else e-mail): submissions of one person are written one batch
    /// after another, so they find each other. Two batches that still claim one person at once (one by phone, one by
    /// e-mail only) are kept apart by the claims' unique indexes, as batches of two nodes are: the loser is retried one by one.
    /// </summary>
    private Channel<Submission> QueueOf(Lead lead) =>
        _queues[(int)((uint)StringComparer.Ordinal.GetHashCode(lead.Phone ?? lead.Email ?? "") % (uint)_queues.Length)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _running = true;
        await Task.WhenAll(_queues.Select(queue => Task.Run(() => WriteAsync(queue, stoppingToken), CancellationToken.None)));
    }

    /// <summary>Writes the batches of one queue, one after another.</summary>
    private async Task WriteAsync(Channel<Submission> queue, CancellationToken stoppingToken)
    {
        var batch = new List<Submission>(MaxBatch);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && queue.Reader.TryRead(out var submission))
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
            // Stopping: what was queued is written as the last batches; what comes later goes the one-by-one way.
            _running = false;
            queue.Writer.TryComplete();
            while (queue.Reader.TryRead(out var submission))
            {
                batch.Add(submission);
                if (batch.Count == MaxBatch)
                {
                    await StoreAsync(batch);
                    batch.Clear();
                }
            }
            if (batch.Count > 0)
                await StoreAsync(batch);
        }
    }

    /// <summary>Writes one batch in one transaction and tells each submission what became of it.</summary>
    internal async Task StoreAsync(IReadOnlyList<Submission> batch)
    {
        var outcomes = new Dictionary<Submission, Outcome>(batch.Count);
        var tokenUsed = new HashSet<Submission>();
        var suppressed = new HashSet<Submission>();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            // Stamps come from each submission's caller (Stamp), not from this context's actor.
            await using var db = scope.ServiceProvider.CreatePlatformDbContext(new Unnamed());
            // Only new rows, all added explicitly: nothing for change detection to find.
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            // A failure rolls the whole batch back: a savepoint around each save would only cost two round trips.
            db.Database.AutoSavepointsEnabled = false;
            var now = time.GetUtcNow().UtcDateTime;
            var since = now.AddDays(-options.Value.DuplicateWindowDays);
            var suppressedHashes = await SuppressedAsync(db, batch);
            var earlier = await EarlierAsync(db, batch, since);
            var usedTokens = await UsedTokensAsync(db, batch);
            var routing = scope.ServiceProvider.GetRequiredService<LeadRouting>();
            var created = new List<Submission>();
            var touches = new List<(Submission Submission, Holder On)>();
            foreach (var submission in batch)
            {
                if (submission.PersonHashes.Any(suppressedHashes.Contains))
                {
                    suppressed.Add(submission);
                    continue;
                }
                if (submission.Token is { } token && !usedTokens.TryAdd(token.TokenId, token.ReceiptId))
                {
                    // Used before: by this same submission (a retry, handed back) or by another one (refused).
                    if (usedTokens[token.TokenId] != token.ReceiptId)
                        tokenUsed.Add(submission);
                    continue;
                }
                switch (earlier.Claim(submission))
                {
                    case null:
                        if (options.Value.AutoAssign)
                            await routing.AssignNewAsync(submission.Lead, CancellationToken.None);
                        Stamp(submission.Lead, submission.By);
                        created.Add(submission);
                        break;
                    case { IsKeyTaken: true }:
                        break; // a retry: handed back
                    case { } match:
                        touches.Add((submission, match.Value));
                        break;
                }
            }
            if (created.Count + touches.Count > 0)
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                if (earlier.HasStale)
                    await ContactClaims.ReleaseStaleAsync(db, earlier.StalePhones, earlier.StaleEmails, since, CancellationToken.None);
                var known = new List<(Submission Submission, long LeadId)>();
                foreach (var (submission, on) in touches)
                {
                    var touch = submission.Touch;
                    touch.CreatedBy = touch.UpdatedBy = submission.By.Name;
                    if (on.New is { } lead)
                    {
                        // A person new in this batch: the touch goes in with the lead.
                        touch.OwnerId = lead.OwnerId;
                        lead.Activities.Add(touch);
                        lead.Consents.Add(submission.Consent);
                        lead.RecordTouch();
                    }
                    else
                    {
                        touch.LeadId = on.LeadId;
                        touch.OwnerId = on.OwnerId;
                        db.Activities.Add(touch);
                        submission.Consent.LeadId = on.LeadId;
                        db.ConsentRecords.Add(submission.Consent);
                        known.Add((submission, on.LeadId));
                    }
                }
                await RaiseTouchCountsAsync(db, known, now);
                await TouchEvents.AddAsync(db, known.ConvertAll(k => k.LeadId), now, CancellationToken.None);
                db.Leads.AddRange(created.Select(s => s.Lead));
                // A concurrent batch on another node that used one of these tokens fails this one: each is then retried on its own.
                db.UsedFormTokens.AddRange(created.Concat(touches.Select(t => t.Submission)).Select(s => s.Token).OfType<UsedFormToken>());
                await db.SaveChangesAsync(); // the leads get their ids
                foreach (var submission in created)
                    outcomes[submission] = new Outcome(OutcomeKind.Created, submission.Lead.Id);
                foreach (var (submission, on) in touches)
                    outcomes[submission] = new Outcome(OutcomeKind.Touched, on.New?.Id ?? on.LeadId);
                foreach (var (submission, outcome) in outcomes)
                {
                    var lead = outcome.Kind == OutcomeKind.Created ? submission.Lead : new Lead { Id = outcome.LeadId };
                    var entry = submission.AuditEntry(lead, outcome.Kind == OutcomeKind.Touched);
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
            outcomes.Clear();
            tokenUsed.Clear();
            suppressed.Clear();
        }
        // Only now, committed or not: a handed-back submission must find what this batch stored.
        foreach (var submission in batch)
            submission.Result.TrySetResult(tokenUsed.Contains(submission) ? new Outcome(OutcomeKind.FormTokenUsed, 0)
                : suppressed.Contains(submission) ? new Outcome(OutcomeKind.Suppressed, 0)
                : outcomes.GetValueOrDefault(submission, Outcome.HandedBack));
    }

    /// <summary>
    /// One more touch per repeat submission on each known lead, counted in the database: one statement per distinct
    /// increment and last toucher (usually one in all).
    /// </summary>
    private static async Task RaiseTouchCountsAsync(PlatformDbContext db, List<(Submission Submission, long LeadId)> known, DateTime now)
    {
        var perLead = known.GroupBy(t => t.LeadId, t => t.Submission.By.Name).Select(g => (LeadId: g.Key, Count: g.Count(), By: g.Last()));
        foreach (var group in perLead.GroupBy(l => (l.Count, l.By), l => l.LeadId))
        {
            var (ids, (increment, by)) = (group.ToList(), group.Key);
            await db.Leads.Where(l => ids.Contains(l.Id)).ExecuteUpdateAsync(set => set
                .SetProperty(l => l.TouchCount, l => l.TouchCount + increment)
                .SetProperty(l => l.Version, l => l.Version + 1)
                .SetProperty(l => l.UpdatedAt, now)
                .SetProperty(l => l.UpdatedBy, by));
        }
    }

    /// <summary>The open lead a submission repeats: one in the database (its id and owner) or one new in this batch.</summary>
    internal readonly record struct Holder(long LeadId, long? OwnerId, DateTime CreatedAt, Lead? New);

    /// <summary>What a submission of the batch matches.</summary>
    internal readonly record struct Match(bool IsKeyTaken, Holder Value);

    /// <summary>What the leads and touches of the database, then the earlier submissions of the batch, already claim.</summary>
    internal sealed class Claims
    {
        private readonly HashSet<(string?, string)> _keys = [];
        private readonly Dictionary<string, Holder> _phones = [];
        private readonly Dictionary<string, Holder> _emails = [];

        /// <summary>Phones of earlier leads outside the duplicate window: their claims may need taking over.</summary>
        public HashSet<string> StalePhones { get; } = [];

        /// <summary>E-mails of earlier leads outside the duplicate window, as <see cref="StalePhones"/>.</summary>
        public HashSet<string> StaleEmails { get; } = [];

        public bool HasStale => StalePhones.Count > 0 || StaleEmails.Count > 0;

        public void AddKey(string? source, string key) => _keys.Add((source, key));

        /// <summary>Makes <paramref name="holder"/> the lead of its phone and e-mail unless a newer one is.</summary>
        public void AddHolder(string? phone, string? email, Holder holder)
        {
            if (phone is not null && (!_phones.TryGetValue(phone, out var p) || p.CreatedAt < holder.CreatedAt))
                _phones[phone] = holder;
            if (email is not null && (!_emails.TryGetValue(email, out var e) || e.CreatedAt < holder.CreatedAt))
                _emails[email] = holder;
        }

        /// <summary>
        /// Null, and claims the key, phone and e-mail, when <paramref name="submission"/> is new; else what it matches: a
        /// taken key, or the newest open lead of its phone or e-mail.
        /// </summary>
        public Match? Claim(Submission submission)
        {
            var lead = submission.Lead;
            if (lead.IdempotencyKey is { } key && !_keys.Add((lead.SubmissionSource, key)))
                return new Match(true, default);
            Holder? byPhone = lead.Phone is { } phone && _phones.TryGetValue(phone, out var p) ? p : null;
            Holder? byEmail = lead.Email is { } email && _emails.TryGetValue(email, out var e) ? e : null;
            if (byPhone is { } ph && (byEmail is not { } em || ph.New is not null || (em.New is null && ph.CreatedAt >= em.CreatedAt)))
                return new Match(false, ph);
            if (byEmail is { } other)
                return new Match(false, other);
            AddHolder(lead.Phone, lead.Email, new Holder(0, null, DateTime.MaxValue, lead));
            return null;
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
            .Select(DuplicateWindow.Select(since, (l, open) => new { l.Id, l.OwnerId, l.CreatedAt, Source = l.SubmissionSource, Key = l.IdempotencyKey, l.Phone, l.Email, Open = open }))
            .Concat(db.Activities
                .Where(a => a.SubmissionSource != null && sources.Contains(a.SubmissionSource) && a.IdempotencyKey != null && keys.Contains(a.IdempotencyKey))
                .Select(a => new { Id = 0L, OwnerId = (long?)null, a.CreatedAt, Source = a.SubmissionSource, Key = a.IdempotencyKey, Phone = (string?)null, Email = (string?)null, Open = false }))
            .ToListAsync();
        var claims = new Claims();
        // A key claims whatever its row; a phone or e-mail only on an open lead of the duplicate window.
        foreach (var row in rows)
        {
            if (row.Key is { } key)
                claims.AddKey(row.Source, key);
            if (row.Open)
                claims.AddHolder(row.Phone, row.Email, new Holder(row.Id, row.OwnerId, row.CreatedAt, null));
            if (!row.Open && row.Phone is { } phone)
                claims.StalePhones.Add(phone);
            if (!row.Open && row.Email is { } email)
                claims.StaleEmails.Add(email);
        }
        return claims;
    }

    /// <summary>The form tokens of the batch some submission already used, with that submission's receipt id; one statement, none without tokens.</summary>
    private static async Task<Dictionary<Guid, string>> UsedTokensAsync(PlatformDbContext db, IReadOnlyList<Submission> batch)
    {
        var ids = batch.Select(s => s.Token?.TokenId).OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0)
            return [];
        return await db.UsedFormTokens.Where(t => ids.Contains(t.TokenId)).ToDictionaryAsync(t => t.TokenId, t => t.ReceiptId);
    }

    /// <summary>The hashes of the batch's people who asked not to be recorded again; one statement for the whole batch.</summary>
    private static async Task<HashSet<string>> SuppressedAsync(PlatformDbContext db, IReadOnlyList<Submission> batch)
    {
        var hashes = batch.SelectMany(s => s.PersonHashes).Distinct().ToList();
        if (hashes.Count == 0)
            return [];
        return [.. await db.Suppressions.Where(s => hashes.Contains(s.Hash)).Select(s => s.Hash).ToListAsync()];
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
