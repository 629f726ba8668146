using System.Net.Mail;
using Microsoft.Extensions.Options;
using PhoneNumbers;

namespace Platform.Api.Leads.Submission;

/// <summary>Phone numbers to E.164 and e-mails to lower case, so duplicates match.</summary>
public sealed class ContactNormalizer(IOptions<LeadOptions> options)
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>The number in E.164 (<c>+4930123456</c>), or null when it is not a valid number.</summary>
    public string? Phone(string raw)
    {
        try
        {
            var number = Phones.Parse(raw, options.Value.DefaultPhoneRegion);
            return Phones.IsValidNumber(number) ? Phones.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether <paramref name="raw"/> holds only ASCII digits, spaces and the separators <c>+ ( ) - . /</c>. libphonenumber
    /// alone would read letters as keypad digits (<c>abc</c> as <c>222</c>) and <c>ext. 12</c> as an extension; a form's
    /// phone has neither, so such input is refused rather than turned into a number nobody typed.
    /// </summary>
    public static bool HasPhoneCharactersOnly(string raw)
    {
        foreach (var c in raw)
        {
            // U+00A0: numbers copied from web pages are often spaced with it.
            if (!char.IsAsciiDigit(c) && c is not (' ' or '\u00A0' or '+' or '(' or ')' or '-' or '.' or '/'))
                return false;
        }
        return true;
    }

    /// <summary>The address trimmed and lower-cased, or null when it is not a plain address.</summary>
    public static string? Email(string raw)
    {
        var trimmed = raw.Trim();
        // MailAddress also accepts "Name <a@b>"; only a bare address with a dotted domain counts.
        if (!MailAddress.TryCreate(trimmed, out var address) || address.Address != trimmed || !address.Host.Contains('.'))
            return null;
        return trimmed.ToLowerInvariant();
    }
}
