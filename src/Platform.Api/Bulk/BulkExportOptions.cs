using System.ComponentModel.DataAnnotations;

namespace Platform.Api.Bulk;

/// <summary>The <c>BulkExports</c> configuration section: where export files live, how long, and how they are written.</summary>
public sealed class BulkExportOptions
{
    public const string Section = "BulkExports";

    /// <summary>
    /// The folder export files are written to (relative to the working directory). Every node of a fleet must see the
    /// same folder (a shared volume): any node writes a file, any node serves its download.
    /// </summary>
    [Required]
    public string Folder { get; set; } = "data/exports";

    /// <summary>How long a completed export's file is kept; then it is deleted and its download link stops working.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a download link is valid after it was read from <c>bulkExport.url</c> (never past the retention).</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Rows read per statement (keyset paging by id).</summary>
    [Range(100, 50_000)]
    public int PageSize { get; set; } = 5_000;

    /// <summary>How long a node holds an export it writes; it renews this after every page, and a node that dies lets it go after it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many times an export is started before it is failed (a node died or an error stopped it each time).</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>How often a node looks for queued exports (and exports whose node died) when none was started on it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether this process writes exports in the background.</summary>
    public bool RunInBackground { get; set; } = true;
}
