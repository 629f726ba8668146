using System.ComponentModel.DataAnnotations;

namespace Platform.Api.Leads.Spool;

/// <summary>The <c>Leads:Spool</c> section: where submissions are kept while the database cannot take them.</summary>
public sealed class SpoolOptions
{
    public const string Section = "Leads:Spool";

    /// <summary>The default <see cref="Path"/>, next to the embedded SQLite database.</summary>
    public const string DefaultPath = "data/lead-spool.db";

    /// <summary>The spool's SQLite file; a relative path is resolved against the content root. Keep it on a local disk.</summary>
    [Required]
    public string Path { get; set; } = DefaultPath;

    /// <summary>Submissions the spool holds at most; beyond that it refuses more.</summary>
    [Range(1, int.MaxValue)]
    public int MaxEntries { get; set; } = 100_000;

    /// <summary><see cref="Path"/> made absolute against <paramref name="contentRoot"/>.</summary>
    public string FullPath(string contentRoot) => System.IO.Path.GetFullPath(System.IO.Path.Combine(contentRoot, Path));
}
