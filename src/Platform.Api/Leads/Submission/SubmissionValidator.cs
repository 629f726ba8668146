using Platform.Api.Common;
using Platform.Domain.Leads;

namespace Platform.Api.Leads.Submission;

/// <summary>Checks a submission field by field; every bad field is its own <see cref="ValidationError"/>.</summary>
public sealed class SubmissionValidator(ContactNormalizer normalizer)
{
    /// <summary>The five drop-downs of the online estimate form (L9).</summary>
    public const int EstimateParameterCount = 5;

    /// <summary>The normalised phone and e-mail, and the errors; nothing may be stored when there are errors.</summary>
    public (string? Phone, string? Email, List<ValidationError> Errors) Validate(SubmitLeadInput input, LandingKey? key)
    {
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(input.FirstName))
            errors.Add(new ValidationError("firstName", "The first name is required (L6)."));

        string? phone = null;
        if (!string.IsNullOrWhiteSpace(input.Phone))
        {
            phone = normalizer.Phone(input.Phone);
            if (phone is null)
                errors.Add(new ValidationError("phone", $"\"{input.Phone}\" is not a valid phone number; give it with its country code, e.g. +49 30 1234567."));
        }
        string? email = null;
        if (!string.IsNullOrWhiteSpace(input.Email))
        {
            email = ContactNormalizer.Email(input.Email);
            if (email is null)
                errors.Add(new ValidationError("email", $"\"{input.Email}\" is not a valid e-mail address."));
        }

        // L6: a phone is required, unless this form collects an e-mail instead (DECISIONS [Leads]).
        if (key is { RequireEmailInsteadOfPhone: true })
        {
            if (string.IsNullOrWhiteSpace(input.Email))
                errors.Add(new ValidationError("email", "This form requires an e-mail address."));
        }
        else if (string.IsNullOrWhiteSpace(input.Phone))
        {
            errors.Add(new ValidationError("phone", "A phone number is required (L6)."));
        }

        if (input.RequestType == RequestType.OnlineEstimate && input.EstimateParameters?.Count != EstimateParameterCount)
            errors.Add(new ValidationError("estimateParameters", $"An online estimate needs the {EstimateParameterCount} chosen parameters (L9)."));
        if (input.RequestType != RequestType.OnlineEstimate && input.EstimateParameters is { Count: > 0 })
            errors.Add(new ValidationError("estimateParameters", "Estimate parameters belong only to an ONLINE_ESTIMATE request."));
        if (input.MarketingConsent && string.IsNullOrWhiteSpace(input.ConsentText))
            errors.Add(new ValidationError("consentText", "Marketing consent needs the consent text the person agreed to."));
        if (input.Channel is { Length: > LeadChannels.MaxLength })
            errors.Add(new ValidationError("channel", $"A channel code has at most {LeadChannels.MaxLength} characters."));

        CheckLength(errors, "firstName", input.FirstName, 100);
        CheckLength(errors, "lastName", input.LastName, 100);
        CheckLength(errors, "company", input.Company, 200);
        CheckLength(errors, "position", input.Position, 200);
        CheckLength(errors, "message", input.Message, 4000);
        CheckLength(errors, "landingPage", input.LandingPage, 128);
        CheckLength(errors, "pageUrl", input.PageUrl, 2048);
        CheckLength(errors, "referrer", input.Referrer, 2048);
        CheckLength(errors, "utmSource", input.UtmSource, 256);
        CheckLength(errors, "utmMedium", input.UtmMedium, 256);
        CheckLength(errors, "utmCampaign", input.UtmCampaign, 256);
        CheckLength(errors, "utmTerm", input.UtmTerm, 256);
        CheckLength(errors, "utmContent", input.UtmContent, 256);
        CheckLength(errors, "consentText", input.ConsentText, 4000);
        CheckLength(errors, "idempotencyKey", input.IdempotencyKey, 128);
        CheckLength(errors, "email", input.Email, 256);
        return (phone, email, errors);
    }

    private static void CheckLength(List<ValidationError> errors, string field, string? value, int max)
    {
        if (value is { } text && text.Length > max)
            errors.Add(new ValidationError(field, $"{field} has at most {max} characters."));
    }
}
