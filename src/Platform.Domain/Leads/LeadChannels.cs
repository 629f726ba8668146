namespace Platform.Domain.Leads;

/// <summary>
/// Well-known lead channel codes. A channel is stored as a free code so that
/// marketing can add channels without a release; these are the ones the seeds name.
/// </summary>
public static class LeadChannels
{
    /// <summary>A landing page form (L4, L5).</summary>
    public const string LandingPage = "LANDING_PAGE";

    /// <summary>The company website.</summary>
    public const string Website = "WEBSITE";

    /// <summary>Contextual / pay-per-click advertising.</summary>
    public const string ContextualAds = "CONTEXTUAL_ADS";

    /// <summary>Retargeting / remarketing.</summary>
    public const string Retargeting = "RETARGETING";

    /// <summary>E-mail campaigns.</summary>
    public const string EmailCampaign = "EMAIL_CAMPAIGN";

    /// <summary>Cold calls (spears).</summary>
    public const string ColdCall = "COLD_CALL";

    /// <summary>Social networks and brand pages (SMM, YouTube).</summary>
    public const string Social = "SOCIAL";

    /// <summary>Exhibitions, conferences and fairs.</summary>
    public const string Exhibition = "EXHIBITION";

    /// <summary>Webinars.</summary>
    public const string Webinar = "WEBINAR";

    /// <summary>A recommendation: refer-a-friend or word of mouth (seeds).</summary>
    public const string Recommendation = "RECOMMENDATION";

    /// <summary>A partner agency, dealer or lead-generation contractor.</summary>
    public const string Partner = "PARTNER";

    /// <summary>A repeat request from a known person.</summary>
    public const string RepeatRequest = "REPEAT_REQUEST";

    /// <summary>A mobile app.</summary>
    public const string MobileApp = "MOBILE_APP";

    /// <summary>Unknown or other channel.</summary>
    public const string Other = "OTHER";

    /// <summary>Maximum length of a channel code.</summary>
    public const int MaxLength = 64;

    /// <summary>All well-known codes.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        LandingPage, Website, ContextualAds, Retargeting, EmailCampaign, ColdCall, Social, Exhibition,
        Webinar, Recommendation, Partner, RepeatRequest, MobileApp, Other,
    ];
}
