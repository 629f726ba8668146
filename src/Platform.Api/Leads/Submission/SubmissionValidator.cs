using Platform.Domain.Privacy;
using Platform.GraphQL.Server.Relay;
using Platform.Api.Common;
using Platform.Domain.Leads;

namespace Platform.Api.Leads.Submission;

/// <summary>Checks a submission field by field; every bad field is its own <see cref="ValidationError"/>.</summary>
public sealed class SubmissionValidator(ContactNormalizer normalizer)
{
    /// <summary>The five drop-downs of the online estimate form (L9), also the most any submission may carry.</summary>
    public const int EstimateParameterCount = 5;

    /// <summary>The header that may carry the idempotency key instead of the input, named in its errors.</summary>
    private const string IdempotencyHeader = "The Idempotency-Key header";

    /// <summary>
    /// The checks of form alone, which need nothing but the submission and so run before anything else looks at it
    /// (the landing key, the spam checks): every text within <see cref="SubmissionLimits"/>, no control characters
    /// (tab and line breaks only in free text) and no unpaired surrogates, a phone of digits, spaces and separators
    /// only, at most <see cref="EstimateParameterCount"/> estimate parameters with distinct names.
    /// <paramref name="idempotencyHeader"/> is checked as the <c>idempotencyKey</c> field.
    /// </summary>
    public List<ValidationError> CheckForm(SubmitLeadInput input, string? idempotencyHeader = null)
    {
        var errors = new List<ValidationError>();
        foreach (var field in SubmissionLimits.TextFields)
            CheckText(errors, field.Name, field.Value(input), field.MaxLength, field.FreeText);
        if (input.Phone is { } phone && !errors.Exists(e => e.Field == "phone") && !ContactNormalizer.HasPhoneCharactersOnly(phone))
            errors.Add(new ValidationError("phone", "A phone number may hold only digits, spaces and the separators + ( ) - . /; letters and extensions are not accepted."));
        CheckText(errors, "idempotencyKey", idempotencyHeader, SubmissionLimits.IdempotencyKey, freeText: false, IdempotencyHeader);
        CheckEstimateParameters(errors, input.EstimateParameters);
        return errors;
    }

    /// <summary>
    /// The rules of a well-formed submission (<see cref="CheckForm"/> passed): the normalised phone and e-mail, and the
    /// errors; nothing may be stored when there are errors.
    /// </summary>
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

        // L6: a phone is required, unless this form collects an e-mail instead.
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
        if (input.ConsentTextId is { } consentTextId && GlobalId.TryDecode(consentTextId, nameof(ConsentText)) is null)
            errors.Add(new ValidationError("consentTextId", $"\"{consentTextId}\" is not the ID of a consent text."));
        else if (input.MarketingConsent && input.ConsentTextId is null && string.IsNullOrWhiteSpace(input.ConsentText))
            errors.Add(new ValidationError("consentText", "Marketing consent needs the consent text the person agreed to: its version as `consentTextId`, or its wording as `consentText`."));
        return (phone, email, errors);
    }

    /// <summary>Refuses a text that is too long or holds characters no form field can mean; <paramref name="what"/> names it in the message.</summary>
    private static void CheckText(List<ValidationError> errors, string field, string? value, int maxLength, bool freeText, string? what = null)
    {
        if (value is null)
            return;
        what ??= field;
        if (value.Length > maxLength)
            errors.Add(new ValidationError(field, $"{what} has at most {maxLength} characters."));
        else if (TextInputs.Forbidden(value, freeText) is { } problem)
            errors.Add(new ValidationError(field, $"{what} {problem}."));
    }

    private static void CheckEstimateParameters(List<ValidationError> errors, List<EstimateParameterInput>? parameters)
    {
        const string field = "estimateParameters";
        if (parameters is null)
            return;
        if (parameters.Count > EstimateParameterCount)
        {
            errors.Add(new ValidationError(field, $"A submission carries at most {EstimateParameterCount} estimate parameters."));
            return;
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            var before = errors.Count;
            CheckText(errors, field, parameter.Name, SubmissionLimits.EstimateParameterName, freeText: false, "An estimate parameter's name");
            CheckText(errors, field, parameter.Value, SubmissionLimits.EstimateParameterValue, freeText: false, "An estimate parameter's value");
            if (errors.Count > before)
                return;
            if (!names.Add(parameter.Name))
            {
                errors.Add(new ValidationError(field, $"The estimate parameter \"{parameter.Name}\" is given more than once."));
                return;
            }
        }
    }
}
