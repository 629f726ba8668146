using GraphQL.Types;
using Platform.Domain.Clients;

namespace Platform.Api.Clients;

/// <summary>The client card fields of <c>createClient</c> and <c>updateClient</c>; in an update, null leaves a field as it is.</summary>
public class ClientCardInput
{
    public string? Name { get; set; }
    public ClientKind? Kind { get; set; }
    public string? TaxId { get; set; }
    public string? Okpo { get; set; }
    public string? RegistrationNumber { get; set; }
    public string? Industry { get; set; }
    public string? Region { get; set; }
    public bool? IsBudgetary { get; set; }
    public int? EmployeeCount { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Website { get; set; }
    public string? Notes { get; set; }
    public string? OwnerId { get; set; }
    public ClientSegment? Segment { get; set; }
    public SegmentAssessment? SegmentAssessment { get; set; }
    public LoyaltyCategory? LoyaltyCategory { get; set; }
}

/// <summary>The two questions of the key-client matrix.</summary>
public sealed class SegmentAssessment
{
    public bool WeWantClient { get; set; }
    public bool ClientLikesUs { get; set; }
}

/// <summary>The <c>SegmentAssessmentInput</c> type.</summary>
public sealed class SegmentAssessmentInputType : InputObjectGraphType<SegmentAssessment>
{
    public SegmentAssessmentInputType()
    {
        Name = "SegmentAssessmentInput";
        Description = "The two-sided key-client matrix: our interest in the client and theirs in us decide the segment (both: KEY; only ours: DEVELOPING_KEY; only theirs: MAINTAINED; neither: OCCASIONAL).";
        Field(x => x.WeWantClient).Description("Whether we want this client: attractive, worth intensive attention.");
        Field(x => x.ClientLikesUs).Description("Whether the client likes us as a supplier: loyal, buys willingly.");
    }
}

/// <summary>Input of <c>createClient</c>.</summary>
public sealed class CreateClientInput : ClientCardInput;

/// <summary>Input of <c>updateClient</c>.</summary>
public sealed class UpdateClientInput : ClientCardInput
{
    public string ClientId { get; set; } = "";
    public int? ExpectedVersion { get; set; }
}

/// <summary>The card fields shared by both client inputs.</summary>
internal static class ClientCardFields
{
    public static void Add<TInput>(InputObjectGraphType<TInput> type, bool create) where TInput : ClientCardInput
    {
        var keep = create ? "" : " Null leaves it unchanged.";
        if (create)
        {
            type.Field<NonNullGraphType<StringGraphType>>("name").Description("Company name or the person's full name.");
            type.Field<NonNullGraphType<EnumerationGraphType<ClientKind>>>("kind").Description("Company or private person.");
        }
        else
        {
            type.Field<StringGraphType>("name").Description("Company name or the person's full name." + keep);
            type.Field<EnumerationGraphType<ClientKind>>("kind").Description("Company or private person." + keep);
        }
        type.Field<StringGraphType>("taxId").Description("Taxpayer identification number (TIN / ИНН)." + keep);
        type.Field<StringGraphType>("okpo").Description("OKPO statistical code of the company." + keep);
        type.Field<StringGraphType>("registrationNumber").Description("Company registration certificate number." + keep);
        type.Field<StringGraphType>("industry").Description("Industry or type of activity." + keep);
        type.Field<StringGraphType>("region").Description("Region or city." + keep);
        type.Field<BooleanGraphType>("isBudgetary").Description("Whether the organisation is state-funded rather than commercial." + keep);
        type.Field<IntGraphType>("employeeCount").Description("Number of employees, zero or more." + keep);
        type.Field<StringGraphType>("email").Description("Main e-mail address; stored lower-case." + keep);
        type.Field<StringGraphType>("phone").Description("Main phone number." + keep);
        type.Field<StringGraphType>("website").Description("Website address." + keep);
        type.Field<StringGraphType>("notes").Description("Free-form notes on the client card." + keep);
        type.Field<IdGraphType>("ownerId").Description("The responsible staff user (farmer), a StaffUser ID." + keep);
        type.Field<EnumerationGraphType<ClientSegment>>("segment").Description("Key-client segment, set directly; not together with `segmentAssessment`." + keep);
        type.Field<SegmentAssessmentInputType>("segmentAssessment").Description("Derives the segment from the two-sided matrix instead of setting it directly." + keep);
        type.Field<EnumerationGraphType<LoyaltyCategory>>("loyaltyCategory").Description(create
            ? "Loyalty category to start in; POTENTIAL by default."
            : "New loyalty category; only the allowed transitions listed on LoyaltyCategory (else INVALID_TRANSITION)." + keep);
    }
}

/// <summary>The <c>CreateClientInput</c> type.</summary>
public sealed class CreateClientInputType : InputObjectGraphType<CreateClientInput>
{
    public CreateClientInputType()
    {
        Name = "CreateClientInput";
        Description = "A new client card.";
        ClientCardFields.Add(this, create: true);
    }
}

/// <summary>The <c>UpdateClientInput</c> type.</summary>
public sealed class UpdateClientInputType : InputObjectGraphType<UpdateClientInput>
{
    public UpdateClientInputType()
    {
        Name = "UpdateClientInput";
        Description = "Changes to a client card; fields left null stay as they are.";
        Field<NonNullGraphType<IdGraphType>>("clientId").Description("The client's global ID.");
        ClientCardFields.Add(this, create: false);
        Field(x => x.ExpectedVersion, nullable: true).Description("The client's `version` the change is based on; when it changed meanwhile, a CONFLICT error is returned and nothing is saved.");
    }
}
