using GraphQL.Types;

namespace Platform.Api.Leads.Inputs;

/// <summary>Input of <c>assignLead</c>.</summary>
public sealed class AssignLeadInput
{
    public string LeadId { get; set; } = "";
    public string OwnerId { get; set; } = "";
    public int? ExpectedVersion { get; set; }
}

/// <summary>The <c>AssignLeadInput</c> type.</summary>
public sealed class AssignLeadInputType : InputObjectGraphType<AssignLeadInput>
{
    public AssignLeadInputType()
    {
        Name = "AssignLeadInput";
        Description = "Which lead gets which responsible staff user.";
        Field<NonNullGraphType<IdGraphType>>("leadId").Description("The lead's global ID.");
        Field<NonNullGraphType<IdGraphType>>("ownerId").Description("The staff user's global ID.");
        Field(x => x.ExpectedVersion, nullable: true).Description(LeadInputs.ExpectedVersion);
    }
}
