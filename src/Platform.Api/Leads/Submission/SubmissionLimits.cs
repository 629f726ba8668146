using Platform.Domain.Leads;

namespace Platform.Api.Leads.Submission;

/// <summary>
/// How long each text of a submission may be, within the lengths of the columns it is stored in. The input type's
/// field descriptions state them, and <see cref="SubmissionValidator"/> refuses a longer value by the field's name.
/// </summary>
public static class SubmissionLimits
{
    /// <summary>First and last name.</summary>
    public const int PersonName = 100;
    /// <summary>The phone as typed, separators included.</summary>
    public const int Phone = 50;
    /// <summary>An e-mail address.</summary>
    public const int Email = 256;
    /// <summary>The company name.</summary>
    public const int Company = 200;
    /// <summary>The person's position.</summary>
    public const int Position = 200;
    /// <summary>The message and the consent text.</summary>
    public const int FreeText = 4000;
    /// <summary>A channel code.</summary>
    public const int Channel = LeadChannels.MaxLength;
    /// <summary>A landing page code.</summary>
    public const int LandingPage = 128;
    /// <summary>The page URL and the referrer.</summary>
    public const int Url = 2048;
    /// <summary>Each utm_* value.</summary>
    public const int Utm = 256;
    /// <summary>A referral code.</summary>
    public const int ReferralCode = 64;
    /// <summary>The idempotency key, in the input or the header.</summary>
    public const int IdempotencyKey = 128;
    /// <summary>The hidden honeypot field.</summary>
    public const int Honeypot = 256;
    /// <summary>A form token (its landing key or client id makes most of it).</summary>
    public const int FormToken = 512;
    /// <summary>An estimate parameter's name.</summary>
    public const int EstimateParameterName = 64;
    /// <summary>An estimate parameter's value.</summary>
    public const int EstimateParameterValue = 200;

    /// <summary>A text field of <see cref="SubmitLeadInput"/>; only free text may hold tabs and line breaks.</summary>
    public sealed record TextField(string Name, Func<SubmitLeadInput, string?> Value, int MaxLength, bool FreeText = false);

    /// <summary>Every text field of the input, named as in the schema.</summary>
    public static readonly IReadOnlyList<TextField> TextFields =
    [
        new("firstName", i => i.FirstName, PersonName),
        new("lastName", i => i.LastName, PersonName),
        new("phone", i => i.Phone, Phone),
        new("email", i => i.Email, Email),
        new("company", i => i.Company, Company),
        new("position", i => i.Position, Position),
        new("message", i => i.Message, FreeText, FreeText: true),
        new("channel", i => i.Channel, Channel),
        new("landingPage", i => i.LandingPage, LandingPage),
        new("pageUrl", i => i.PageUrl, Url),
        new("referrer", i => i.Referrer, Url),
        new("utmSource", i => i.UtmSource, Utm),
        new("utmMedium", i => i.UtmMedium, Utm),
        new("utmCampaign", i => i.UtmCampaign, Utm),
        new("utmTerm", i => i.UtmTerm, Utm),
        new("utmContent", i => i.UtmContent, Utm),
        new("referralCode", i => i.ReferralCode, ReferralCode),
        new("consentText", i => i.ConsentText, FreeText, FreeText: true),
        new("idempotencyKey", i => i.IdempotencyKey, IdempotencyKey),
        new("honeypot", i => i.Honeypot, Honeypot),
        new("formToken", i => i.FormToken, FormToken),
    ];
}
