namespace Platform.Domain.Imports;

/// <summary>
/// A caller's import of leads from an uploaded file, run as a job by whichever API node claims it. Every row goes the
/// way of a <c>submitLead</c> by its caller, under an idempotency key of the file's hash and the row's number, so
/// importing the same file again (or resuming after a node died) stores nothing twice. The rows processed, and what
/// became of each, are committed together, a batch at a time: an import resumes after the last committed row.
/// </summary>
public class LeadImport
{
    /// <summary>Database identity.</summary>
    public long Id { get; set; }

    /// <summary>Who started it and alone sees it: an OAuth client id, or <c>staff:</c> and the staff user's id.</summary>
    public string OwnerKey { get; set; } = "";

    /// <summary>The caller's name, stamped on what the rows store.</summary>
    public string? OwnerName { get; set; }

    /// <summary>The caller's OAuth client, recorded on what the rows store.</summary>
    public string? ClientId { get; set; }

    /// <summary>The uploaded file (<see cref="ImportFile.Id"/>).</summary>
    public string FileId { get; set; } = "";

    /// <summary>The file's SHA-256: with a row's number, the row's idempotency key.</summary>
    public string FileSha256 { get; set; } = "";

    /// <summary>How the file is written.</summary>
    public ImportFormat Format { get; set; }

    /// <summary>Which column feeds which <c>SubmitLeadInput</c> field, as a JSON object (column → field).</summary>
    public string Mapping { get; set; } = "{}";

    /// <summary>The values of fields a row leaves empty, as a JSON object (field → value).</summary>
    public string Defaults { get; set; } = "{}";

    /// <summary>Where it stands.</summary>
    public LeadImportStatus Status { get; private set; } = LeadImportStatus.Queued;

    /// <summary>When it was requested (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When a node last started or resumed it (UTC).</summary>
    public DateTime? StartedAt { get; set; }

    /// <summary>When it completed, failed or was cancelled (UTC).</summary>
    public DateTime? FinishedAt { get; private set; }

    /// <summary>How many times a node started it; a node that dies leaves it to the next.</summary>
    public int Attempts { get; set; }

    /// <summary>The node running it: its lease ends at <see cref="LockedUntil"/>, after which another node resumes it.</summary>
    public string? Holder { get; set; }

    /// <summary>Until when <see cref="Holder"/> holds it (UTC); it renews this with every batch it commits.</summary>
    public DateTime? LockedUntil { get; set; }

    /// <summary>Rows processed: the number of the last committed row.</summary>
    public long RowCount { get; set; }

    /// <summary>Rows that created a lead.</summary>
    public long CreatedCount { get; set; }

    /// <summary>Rows that touched a person's open lead.</summary>
    public long TouchedCount { get; set; }

    /// <summary>Rows refused.</summary>
    public long RejectedCount { get; set; }

    /// <summary>Rows an earlier import of the file already stored.</summary>
    public long UnchangedCount { get; set; }

    /// <summary>The per-row results file, once completed.</summary>
    public string? ResultFileName { get; set; }

    /// <summary>Size of the results file in bytes.</summary>
    public long ResultBytes { get; set; }

    /// <summary>Why it failed.</summary>
    public string? Error { get; private set; }

    /// <summary>Whether it may still change: queued or running.</summary>
    public bool IsActive => Status is LeadImportStatus.Queued or LeadImportStatus.Running;

    /// <summary>Every row is processed and their results are in <paramref name="file"/>.</summary>
    public void Complete(string file, long bytes, DateTime now)
    {
        Ensure(LeadImportStatus.Completed);
        (ResultFileName, ResultBytes) = (file, bytes);
        Finish(LeadImportStatus.Completed, now);
    }

    /// <summary>It cannot be run, for <paramref name="reason"/>.</summary>
    public void Fail(string reason, DateTime now)
    {
        Ensure(LeadImportStatus.Failed);
        Error = reason;
        Finish(LeadImportStatus.Failed, now);
    }

    /// <summary>The caller cancelled it; a node running it stops after its current batch.</summary>
    public void Cancel(DateTime now)
    {
        Ensure(LeadImportStatus.Cancelled);
        Finish(LeadImportStatus.Cancelled, now);
    }

    private void Ensure(LeadImportStatus to)
    {
        if (!IsActive)
            throw new InvalidOperationException($"A {Status} import cannot become {to}.");
    }

    private void Finish(LeadImportStatus status, DateTime now) => (Status, FinishedAt, Holder, LockedUntil) = (status, now, null, null);
}
