using System.ComponentModel.DataAnnotations;

namespace Platform.Api.Imports;

/// <summary>The <c>Imports</c> configuration section: upload size, batches, leases, result links and retention of lead imports.</summary>
public sealed class LeadImportOptions
{
    public const string Section = "Imports";

    /// <summary>The largest file <c>POST /imports/files</c> takes, in bytes (100 MiB: about a million rows).</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 100L << 20;

    /// <summary>Rows processed, and their results committed with the import's progress, at a time.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 1_000;

    /// <summary>Rows of a batch submitted at once; the lead intake writes those that arrive together in one transaction.</summary>
    [Range(1, 1_000)]
    public int Parallelism { get; set; } = 200;

    /// <summary>How long a node holds an import it runs; it renews this with every batch, and a node that dies lets it go after it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many times an import is started or resumed before it is failed.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>How often a node looks for queued imports (and imports whose node died) when none was started on it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether this process runs imports in the background.</summary>
    public bool RunInBackground { get; set; } = true;

    /// <summary>
    /// How long an uploaded file is kept after its upload, and a finished import's results after it finished; then
    /// they are deleted (<see cref="LeadImportRetention"/>).
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a results link is valid after it was read from <c>leadImport.resultsUrl</c>.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromHours(1);
}
