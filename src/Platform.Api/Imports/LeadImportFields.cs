using System.Globalization;
using Platform.Api.Common;
using Platform.Api.Leads.Submission;
using Platform.Domain.Leads;

namespace Platform.Api.Imports;

/// <summary>
/// The <c>SubmitLeadInput</c> fields a column of an import file may feed, named as in the schema, and how a cell's
/// text becomes the field's value. A cell that is not a value of its field (an unknown request type, a consent flag
/// that is not a boolean) rejects its row with a <see cref="ValidationError"/> naming the field.
/// </summary>
public static class LeadImportFields
{
    /// <summary>Fields every row needs (L6: an import has no landing key that could ask for an e-mail instead of a phone).</summary>
    public static readonly string[] Required = ["firstName", "phone"];

    /// <summary>Fields <c>defaults</c> may set for rows that leave them empty.</summary>
    public static readonly string[] Defaultable = ["channel", "landingPage", "requestType", "utmSource", "utmMedium", "utmCampaign"];

    private static readonly Dictionary<string, Func<SubmitLeadInput, string, string?>> Setters = new()
    {
        ["firstName"] = (i, v) => Set(() => i.FirstName = v),
        ["lastName"] = (i, v) => Set(() => i.LastName = v),
        ["phone"] = (i, v) => Set(() => i.Phone = v),
        ["email"] = (i, v) => Set(() => i.Email = v),
        ["company"] = (i, v) => Set(() => i.Company = v),
        ["position"] = (i, v) => Set(() => i.Position = v),
        ["message"] = (i, v) => Set(() => i.Message = v),
        ["requestType"] = (i, v) => Enum.TryParse<RequestType>(v.Replace("_", ""), ignoreCase: true, out var type) && !int.TryParse(v, out _)
            ? Set(() => i.RequestType = type)
            : $"\"{v}\" is not a request type; use one of {string.Join(", ", Enum.GetNames<RequestType>().Select(ApiName))}.",
        ["channel"] = (i, v) => Set(() => i.Channel = v),
        ["landingPage"] = (i, v) => Set(() => i.LandingPage = v),
        ["pageUrl"] = (i, v) => Set(() => i.PageUrl = v),
        ["referrer"] = (i, v) => Set(() => i.Referrer = v),
        ["utmSource"] = (i, v) => Set(() => i.UtmSource = v),
        ["utmMedium"] = (i, v) => Set(() => i.UtmMedium = v),
        ["utmCampaign"] = (i, v) => Set(() => i.UtmCampaign = v),
        ["utmTerm"] = (i, v) => Set(() => i.UtmTerm = v),
        ["utmContent"] = (i, v) => Set(() => i.UtmContent = v),
        ["referralCode"] = (i, v) => Set(() => i.ReferralCode = v),
        ["marketingConsent"] = (i, v) => v.ToLowerInvariant() switch
        {
            "true" or "yes" or "1" => Set(() => i.MarketingConsent = true),
            "false" or "no" or "0" => Set(() => i.MarketingConsent = false),
            _ => $"\"{v}\" is not a boolean; use true or false.",
        },
        ["consentText"] = (i, v) => Set(() => i.ConsentText = v),
        ["consentTextId"] = (i, v) => Set(() => i.ConsentTextId = v),
        ["consentAt"] = (i, v) => DateTime.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            ? Set(() => i.ConsentAt = at)
            : $"\"{v}\" is not a date and time; use ISO 8601, e.g. 2026-03-01T10:00:00Z.",
    };

    /// <summary>Every field a column may feed.</summary>
    public static IReadOnlyCollection<string> Names => Setters.Keys;

    public static bool Exists(string field) => Setters.ContainsKey(field);

    /// <summary>
    /// The submission a row makes: each mapped cell that is not blank sets its field, then the defaults fill the fields
    /// still empty; a cell its field cannot take is an error naming the field.
    /// </summary>
    public static (SubmitLeadInput Input, List<ValidationError> Errors) Read(IReadOnlyDictionary<string, string?> cells, IReadOnlyDictionary<string, string> mapping, IReadOnlyDictionary<string, string> defaults)
    {
        var input = new SubmitLeadInput();
        var errors = new List<ValidationError>();
        var set = new HashSet<string>();
        foreach (var (column, field) in mapping)
        {
            if (cells.GetValueOrDefault(column) is not { } text || string.IsNullOrWhiteSpace(text))
                continue;
            if (Setters[field](input, text) is { } problem)
                errors.Add(new ValidationError(field, problem));
            set.Add(field);
        }
        foreach (var (field, value) in defaults)
        {
            if (!set.Contains(field) && Setters[field](input, value) is { } problem)
                errors.Add(new ValidationError(field, problem));
        }
        return (input, errors);
    }

    /// <summary>The GraphQL name of an enum value: <c>DemoDownload</c> → <c>DEMO_DOWNLOAD</c>.</summary>
    private static string ApiName(string name) => string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString()));

    private static string? Set(Action set)
    {
        set();
        return null;
    }
}
