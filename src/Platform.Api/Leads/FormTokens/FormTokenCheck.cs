using Platform.Domain.Leads;

namespace Platform.Api.Leads.FormTokens;

/// <summary>
/// The checks of a landing page's form token that need no database, made when the submission arrives (also while the
/// database is down): present, signed by this service, issued to the page that submits, at least the minimum fill time
/// old (else spam), and younger than its lifetime (else <see cref="Expired"/>: the visitor waited too long, which is no spam).
/// </summary>
public sealed record FormTokenCheck(FormToken? Token, SpamReason? Spam, bool Expired)
{
    public static FormTokenCheck Of(FormTokenSigner signer, string? value, string subject, DateTime now, LeadOptions options)
    {
        if (string.IsNullOrEmpty(value))
            return new(null, SpamReason.FormTokenMissing, false);
        if (signer.Read(value) is not { } token || token.Subject != subject)
            return new(null, SpamReason.FormTokenInvalid, false);
        var age = now - token.IssuedAt;
        if (age < options.MinimumFillTime)
            return new(token, SpamReason.TooFast, false);
        return new(token, null, Expired: age >= options.FormTokenLifetime);
    }
}
