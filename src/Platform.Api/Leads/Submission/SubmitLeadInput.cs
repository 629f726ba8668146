using GraphQL.Types;
using Platform.Api.Leads.FormTokens;
using Platform.Domain.Leads;

namespace Platform.Api.Leads.Submission;

/// <summary>Input of <c>submitLead</c>: what a form posts.</summary>
public sealed class SubmitLeadInput
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Company { get; set; }
    public string? Position { get; set; }
    public string? Message { get; set; }
    public RequestType RequestType { get; set; } = RequestType.Consultation;
    public List<EstimateParameterInput>? EstimateParameters { get; set; }
    public string? Channel { get; set; }
    public string? LandingPage { get; set; }
    public string? PageUrl { get; set; }
    public string? Referrer { get; set; }
    public string? UtmSource { get; set; }
    public string? UtmMedium { get; set; }
    public string? UtmCampaign { get; set; }
    public string? UtmTerm { get; set; }
    public string? UtmContent { get; set; }
    public string? ReferralCode { get; set; }
    public bool MarketingConsent { get; set; }
    public string? ConsentText { get; set; }
    public string? ConsentTextId { get; set; }
    public DateTime? ConsentAt { get; set; }
    public string? IdempotencyKey { get; set; }
    public string? Honeypot { get; set; }
    public DateTime? FormRenderedAt { get; set; }
    public string? FormToken { get; set; }
}

/// <summary>One of the five drop-down choices of an online estimate (L9).</summary>
public sealed class EstimateParameterInput
{
    public string Name { get; set; } = "";
    public string Value { get; set; } = "";
}

/// <summary>The <c>EstimateParameterInput</c> type.</summary>
public sealed class EstimateParameterInputType : InputObjectGraphType<EstimateParameterInput>
{
    public EstimateParameterInputType()
    {
        Name = "EstimateParameterInput";
        Description = "One parameter the visitor chose on the online-estimate form.";
        Field(x => x.Name).Description($"The drop-down's name, e.g. `pages`; unique within the submission. At most {SubmissionLimits.EstimateParameterName} characters.");
        Field(x => x.Value).Description($"The chosen value, e.g. `10-20`. At most {SubmissionLimits.EstimateParameterValue} characters.");
    }
}

/// <summary>The <c>SubmitLeadInput</c> type.</summary>
public sealed class SubmitLeadInputType : InputObjectGraphType<SubmitLeadInput>
{
    public SubmitLeadInputType()
    {
        Name = "SubmitLeadInput";
        Description = "A lead as a form submits it. First name and phone are required; a landing key may require an e-mail instead of the phone. "
            + "Every text has a maximum length, given with its field; control characters are refused everywhere except tabs and line breaks in `message` and `consentText`.";
        Field(x => x.FirstName, nullable: true).Description($"First name of the person; required. At most {SubmissionLimits.PersonName} characters.");
        Field(x => x.LastName, nullable: true).Description($"Last name; optional. At most {SubmissionLimits.PersonName} characters.");
        Field(x => x.Phone, nullable: true).Description($"Phone number, in any common notation (digits, spaces and + ( ) - . / only; no letters or extensions); stored in E.164. Required unless the landing key requires e-mail instead. At most {SubmissionLimits.Phone} characters.");
        Field(x => x.Email, nullable: true).Description($"E-mail address; optional unless the landing key requires it. At most {SubmissionLimits.Email} characters.");
        Field(x => x.Company, nullable: true).Description($"Company name, for B2B requests; optional. At most {SubmissionLimits.Company} characters.");
        Field(x => x.Position, nullable: true).Description($"The person's position. At most {SubmissionLimits.Position} characters.");
        Field(x => x.Message, nullable: true).Description($"The person's message or described need; may span lines. At most {SubmissionLimits.FreeText} characters.");
        Field(x => x.RequestType, nullable: true).Description("Kind of request; sets the first-response deadline. Default CONSULTATION.");
        Field(x => x.EstimateParameters, type: typeof(ListGraphType<NonNullGraphType<EstimateParameterInputType>>))
            .Description($"For ONLINE_ESTIMATE: exactly the {SubmissionValidator.EstimateParameterCount} parameters the visitor chose, each name once; other request types send none.");
        Field(x => x.Channel, nullable: true).Description($"Channel code, e.g. LANDING_PAGE; LANDING_PAGE with a landing key, OTHER otherwise. At most {SubmissionLimits.Channel} characters.");
        Field(x => x.LandingPage, nullable: true).Description($"Landing page code; a landing key's own code takes precedence. At most {SubmissionLimits.LandingPage} characters.");
        Field(x => x.PageUrl, nullable: true).Description($"URL of the page the form was submitted from. At most {SubmissionLimits.Url} characters.");
        Field(x => x.Referrer, nullable: true).Description($"HTTP referrer of the page. At most {SubmissionLimits.Url} characters.");
        Field(x => x.UtmSource, nullable: true).Description($"utm_source of the visit. At most {SubmissionLimits.Utm} characters.");
        Field(x => x.UtmMedium, nullable: true).Description($"utm_medium of the visit. At most {SubmissionLimits.Utm} characters.");
        Field(x => x.UtmCampaign, nullable: true).Description($"utm_campaign of the visit. At most {SubmissionLimits.Utm} characters.");
        Field(x => x.UtmTerm, nullable: true).Description($"utm_term of the visit. At most {SubmissionLimits.Utm} characters.");
        Field(x => x.UtmContent, nullable: true).Description($"utm_content of the visit. At most {SubmissionLimits.Utm} characters.");
        Field(x => x.ReferralCode, nullable: true).Description($"A referral code; a valid one attributes the lead to its referrer (origin SEED). An unknown, expired or revoked code is reported in `warnings` and the lead is accepted without attribution. At most {SubmissionLimits.ReferralCode} characters.");
        Field(x => x.MarketingConsent, nullable: true).Description("Whether the person agreed to marketing communication; then `consentTextId` or `consentText` is required. A lead without consent is kept for sales follow-up but flagged `marketingConsent: false`.");
        Field(x => x.ConsentText, nullable: true).Description($"The consent wording shown on the form; may span lines. At most {SubmissionLimits.FreeText} characters.");
        Field<IdGraphType>("consentTextId").Description("The consent text version the form showed (`consentTexts`); recorded as the evidence of the person's choice, granted or not. With `marketingConsent` it replaces `consentText`.");
        Field(x => x.ConsentAt, nullable: true).Description("When consent was given; the submission time when omitted.");
        Field(x => x.IdempotencyKey, nullable: true).Description($"A key chosen by the caller so that a retried submission returns the first result; the `Idempotency-Key` header works too. At most {SubmissionLimits.IdempotencyKey} characters, in either.");
        Field(x => x.Honeypot, nullable: true).Description($"A hidden form field people never fill; any value marks the submission as spam. At most {SubmissionLimits.Honeypot} characters.");
        Field(x => x.FormRenderedAt, nullable: true).Description("When the form was shown (UTC), as the page says; a submission faster than a person can type is spam. Landing pages need not send it: their `formToken` carries a signed issue time a bot cannot forge.");
        Field(x => x.FormToken, nullable: true).Description($"The form token the landing page got from GET {FormTokenEndpoint.Path} when it showed the form; required from landing pages (a landing key or landing client), ignored for other callers. "
            + $"Missing, invalid, issued to another landing page, used before or sent sooner than the minimum fill time after it was issued: SPAM_REJECTED. Older than its lifetime (2 h by default): FORM_TOKEN_EXPIRED, fetch a new one. "
            + $"A retry with the same idempotency key may send the same token. At most {SubmissionLimits.FormToken} characters.");
    }
}
