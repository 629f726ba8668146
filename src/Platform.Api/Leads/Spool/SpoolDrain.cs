using Platform.Api.Auditing;
using Platform.Api.Availability;
using Platform.Api.Leads.Submission;
using Platform.Data;

namespace Platform.Api.Leads.Spool;

/// <summary>
/// Stores what the <see cref="SubmissionSpool"/> holds once the database answers again, oldest first, each exactly once:
/// a spooled submission is stored under its receipt id (its idempotency key unless the caller gave one), with the time
/// it was made and as its caller, through the same <see cref="LeadSubmissionService"/> as a direct one (duplicates,
/// attribution, assignment); it leaves the spool only once stored, and storing it again after a crash finds what was
/// stored.
/// </summary>
public sealed class SpoolDrain(SubmissionSpool spool, DatabaseAvailability availability, IServiceScopeFactory scopes, TimeProvider time, ILogger<SpoolDrain> logger)
    : BackgroundService
{
    /// <summary>Entries read from the spool at a time.</summary>
    private const int ReadAhead = 100;

    /// <summary>How often an empty spool is looked at, and how long a failed entry waits before it is tried again.</summary>
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (spool.Depth == 0 || !await DrainAsync(stoppingToken))
                    await Task.Delay(Pause, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Stores the spooled submissions while the database answers; false when it stopped on a failure.</summary>
    internal async Task<bool> DrainAsync(CancellationToken ct)
    {
        await availability.WhenAvailableAsync(ct);
        foreach (var entry in await spool.PeekAsync(ReadAhead, ct))
        {
            // Stopping ends the drain between two entries: one stored is also taken off the spool, not stored again at the next start.
            ct.ThrowIfCancellationRequested();
            try
            {
                await StoreAsync(entry, CancellationToken.None);
            }
            catch (Exception e) when (availability.ReportFailure(e))
            {
                return false; // unreachable again: the entry stays, in its place
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The spooled submission {ReceiptId} could not be stored; it is tried again.", entry.ReceiptId);
                return false;
            }
            await spool.RemoveAsync(entry.ReceiptId, CancellationToken.None);
        }
        return true;
    }

    private async Task StoreAsync(SpooledEntry entry, CancellationToken ct)
    {
        var submission = SpooledSubmission.FromJson(entry.PayloadJson);
        await using var scope = scopes.CreateAsyncScope();
        await using var db = scope.ServiceProvider.CreatePlatformDbContext(submission.By);
        var service = ActivatorUtilities.CreateInstance<LeadSubmissionService>(scope.ServiceProvider, db, (ICurrentActor)submission.By);
        var from = submission.From with { ReceiptId = entry.ReceiptId.ToString(), SubmittedAt = entry.QueuedAt };
        var payload = await service.SubmitAsync(submission.Input, from, p => Audit(submission, p), ct);
        if (!payload.Audited)
        {
            db.ChangeTracker.Clear();
            db.AuditLog.Add(Audit(submission, payload));
            await db.SaveChangesAsync(ct);
        }
        if (payload.Errors.Count > 0)
            logger.LogWarning("The spooled submission {ReceiptId} was refused when stored: {Codes}.", entry.ReceiptId, string.Join(", ", payload.Errors.Select(e => e.Code)));
    }

    private static Domain.Auditing.AuditLogEntry Audit(SpooledSubmission submission, SubmitLeadPayload payload) =>
        MutationAudit.Entry(SubmitLeadMutation.Name, [submission.Input], payload, null);
}
