using GraphQL.Types;
using Platform.Api.Leads.Submission;

namespace Platform.Api.Privacy;

/// <summary>Input of <c>addConsentText</c>.</summary>
public sealed class AddConsentTextInput
{
    public string Text { get; set; } = "";
}

/// <summary>Input of <c>erasePerson</c>.</summary>
public sealed class ErasePersonInput
{
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public bool Suppress { get; set; }
}

/// <summary>The <c>AddConsentTextInput</c> type.</summary>
public sealed class AddConsentTextInputType : InputObjectGraphType<AddConsentTextInput>
{
    public AddConsentTextInputType()
    {
        Name = "AddConsentTextInput";
        Description = "A new version of the marketing consent wording.";
        Field(x => x.Text).Description($"The wording exactly as the form shows it; may span lines. At most {SubmissionLimits.FreeText} characters.");
    }
}

/// <summary>The <c>ErasePersonInput</c> type.</summary>
public sealed class ErasePersonInputType : InputObjectGraphType<ErasePersonInput>
{
    public ErasePersonInputType()
    {
        Name = "ErasePersonInput";
        Description = "Whom to erase: the person's e-mail address, phone number or both; every record holding either is erased.";
        Field(x => x.Email, nullable: true).Description("The person's e-mail address, in any letter case.");
        Field(x => x.Phone, nullable: true).Description("The person's phone number with its country code, in any notation (e.g. +7 916 123-45-67).");
        Field(x => x.Suppress, nullable: true).Description("True: also add the phone and e-mail, hashed, to the suppression list, so later submissions of the person are refused (`PERSON_SUPPRESSED`). False (the default): the person may submit again and becomes a new lead.");
    }
}
