using System.ComponentModel.DataAnnotations;

namespace Platform.Api.Availability;

/// <summary>The <c>Availability</c> section: how an unreachable database is probed and what callers are told meanwhile.</summary>
public sealed class AvailabilityOptions
{
    public const string Section = "Availability";

    /// <summary>Pause between two probes of an unreachable database.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00")]
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one probe (connect and <c>SELECT 1</c>) may take before it counts as a failure.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The <c>Retry-After</c> of a 503 answer while the database is unreachable (rounded up to whole seconds).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(5);
}
