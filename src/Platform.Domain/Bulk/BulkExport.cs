namespace Platform.Domain.Bulk;

/// <summary>
/// A caller's request for a whole data set as one JSON Lines file, run as a job by whichever API node claims it. It runs
/// as its caller: it holds only what the caller may read. A caller has at most one export queued or running at a time.
/// </summary>
public class BulkExport
{
    /// <summary>Database identity.</summary>
    public long Id { get; set; }

    /// <summary>Who started it and alone sees it: an OAuth client id, or <c>staff:</c> and the staff user's id.</summary>
    public string OwnerKey { get; set; } = "";

    /// <summary>
    /// <see cref="OwnerKey"/> while the export is queued or running, null after: unique, so a caller's second export
    /// is refused by the database, whichever node it reaches.
    /// </summary>
    public string? ActiveOwnerKey { get; set; }

    /// <summary>The caller's name, for the audit stamps of what the export reads.</summary>
    public string? OwnerName { get; set; }

    /// <summary>The caller's partner, for a partner's client: the export holds only that partner's rows.</summary>
    public long? PartnerId { get; set; }

    /// <summary>For a manager: the staff user whose leads alone the export holds.</summary>
    public long? LeadOwnerId { get; set; }

    /// <summary>What it exports.</summary>
    public BulkExportType Type { get; set; }

    /// <summary>The list field's filter, as JSON; null for every row.</summary>
    public string? Filter { get; set; }

    /// <summary>The fields of each row, comma-separated, in the type's field order.</summary>
    public string Fields { get; set; } = "";

    /// <summary>Where it stands.</summary>
    public BulkExportStatus Status { get; private set; } = BulkExportStatus.Queued;

    /// <summary>When it was requested (UTC); time-dependent filters (e.g. overdue) are evaluated at this time.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When a node last started writing it (UTC).</summary>
    public DateTime? StartedAt { get; set; }

    /// <summary>When it completed, failed or was cancelled (UTC).</summary>
    public DateTime? FinishedAt { get; private set; }

    /// <summary>How many times a node started it; a node that dies leaves it to the next.</summary>
    public int Attempts { get; set; }

    /// <summary>The node writing it: its lease ends at <see cref="LockedUntil"/>, after which another node starts it again.</summary>
    public string? Holder { get; set; }

    /// <summary>Until when <see cref="Holder"/> holds it (UTC); it renews this while it writes.</summary>
    public DateTime? LockedUntil { get; set; }

    /// <summary>The stored file, from the attempt that wrote (or is writing) it; null once deleted.</summary>
    public string? FileName { get; set; }

    /// <summary>Rows written.</summary>
    public long RowCount { get; set; }

    /// <summary>Size of the gzip file, in bytes.</summary>
    public long Bytes { get; set; }

    /// <summary>When the file is deleted (UTC): the retention after completion; at once after a failure or cancellation.</summary>
    public DateTime? ExpiresAt { get; private set; }

    /// <summary>Why it failed.</summary>
    public string? Error { get; private set; }

    /// <summary>
    /// When its file was deleted before <see cref="ExpiresAt"/> because a person whose data it may hold was erased; the
    /// export stays completed, without a file.
    /// </summary>
    public DateTime? ErasedAt { get; set; }

    /// <summary>Whether it may still change: queued or running.</summary>
    public bool IsActive => Status is BulkExportStatus.Queued or BulkExportStatus.Running;

    /// <summary>The file is complete: it keeps it until <paramref name="now"/> plus <paramref name="retention"/>.</summary>
    public void Complete(long rows, long bytes, DateTime now, TimeSpan retention)
    {
        Ensure(BulkExportStatus.Completed);
        (RowCount, Bytes) = (rows, bytes);
        Finish(BulkExportStatus.Completed, now, now + retention);
    }

    /// <summary>It cannot be written, for <paramref name="reason"/>; its partial file goes at once.</summary>
    public void Fail(string reason, DateTime now)
    {
        Ensure(BulkExportStatus.Failed);
        Error = reason;
        Finish(BulkExportStatus.Failed, now, now);
    }

    /// <summary>The caller cancelled it; its partial file goes at once.</summary>
    public void Cancel(DateTime now)
    {
        Ensure(BulkExportStatus.Cancelled);
        Finish(BulkExportStatus.Cancelled, now, now);
    }

    private void Ensure(BulkExportStatus to)
    {
        if (!IsActive)
            throw new InvalidOperationException($"A {Status} export cannot become {to}.");
    }

    private void Finish(BulkExportStatus status, DateTime now, DateTime expiresAt)
    {
        (Status, FinishedAt, ExpiresAt, ActiveOwnerKey, Holder, LockedUntil) = (status, now, expiresAt, null, null, null);
    }
}
