using System.ComponentModel.DataAnnotations;

namespace Platform.Api.Privacy;

/// <summary>The <c>Privacy</c> settings.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>How long a submission rejected as spam is kept (its source, reason, IP and time), then deleted.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan RejectedSubmissionRetention { get; set; } = TimeSpan.FromDays(30);
}
