using System.ComponentModel.DataAnnotations;

namespace Platform.Api.Leads;

/// <summary>The <c>Leads</c> section of appsettings.json: every number is a default held here.</summary>
public sealed class LeadOptions : IValidatableObject
{
    public const string Section = "Leads";

    /// <summary>Region (ISO 3166 alpha-2) assumed for phone numbers written without a country code.</summary>
    [Required, StringLength(2, MinimumLength = 2)]
    public string DefaultPhoneRegion { get; set; } = "RU";

    /// <summary>First-response deadline after a demo download.</summary>
    public TimeSpan DemoDownloadResponseTime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>First-response deadline for every other request type (a default the rules leave open).</summary>
    public TimeSpan DefaultResponseTime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A new submission matching an open lead's phone or e-mail this recent is a repeat touch, not a new lead.</summary>
    [Range(0, 3650)]
    public int DuplicateWindowDays { get; set; } = 30;

    /// <summary>A form submitted sooner than this after it was rendered (its form token issued) is spam (no person fills it that fast).</summary>
    public TimeSpan MinimumFillTime { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a landing page's form token is accepted after it was issued; later the page fetches a new one.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan FormTokenLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Submissions allowed per landing key (or IP address without one) per <see cref="RateLimitWindow"/>.</summary>
    [Range(1, int.MaxValue)]
    public int RateLimitPermits { get; set; } = 600;

    /// <summary>The window of <see cref="RateLimitPermits"/>.</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Assign new warm and hot leads at once to the best-ranked available manager.</summary>
    public bool AutoAssign { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Else no form token is ever old enough and young enough at once: every landing page's submission is refused.
        if (FormTokenLifetime <= MinimumFillTime)
            yield return new ValidationResult($"{nameof(FormTokenLifetime)} must be longer than {nameof(MinimumFillTime)}.", [nameof(FormTokenLifetime)]);
    }
}
