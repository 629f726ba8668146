namespace Platform.Domain.Leads;

/// <summary>
/// A publishable key a landing-page form sends in the <c>X-Landing-Key</c> header, like a form id:
/// it names the landing page the leads come from and the form's rules. It is not a secret; what a
/// key may do is restricted (only <c>submitLead</c>, from its allowed origins).
/// </summary>
public class LandingKey : Entity
{
    /// <summary>The key string itself, unique, e.g. <c>lk_demo_website_redesign</c>.</summary>
    public string Key { get; set; } = "";

    /// <summary>Human-readable name of the form, e.g. "Website redesign landing".</summary>
    public string Name { get; set; } = "";

    /// <summary>Landing page code stamped on every lead the key submits (KPIs group by it).</summary>
    public string LandingPageCode { get; set; } = "";

    /// <summary>Browser origins allowed to post with this key, comma-separated (e.g. <c>https://promo.example.com</c>).</summary>
    public string? AllowedOrigins { get; set; }

    /// <summary>Whether the form collects an e-mail instead of a phone, so e-mail is required and phone optional (L6 relaxed).</summary>
    public bool RequireEmailInsteadOfPhone { get; set; }

    /// <summary>Whether the key may run only the trusted documents (schema/documents), e.g. the landing-page submit.</summary>
    public bool TrustedDocumentsOnly { get; set; }

    /// <summary>Whether the key currently accepts submissions.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>When the key was revoked; a revoked key never accepts submissions again.</summary>
    public DateTime? RevokedAt { get; set; }

    /// <summary>Whether submissions with this key are accepted now.</summary>
    public bool IsUsable => IsActive && RevokedAt is null;
}
