using GraphQL.Types;

namespace Platform.Api.Leads.Inputs;

/// <summary>Input of <c>reactivateLead</c>.</summary>
public sealed class ReactivateLeadInput
{
    public string LeadId { get; set; } = "";
    public int? ExpectedVersion { get; set; }
}

/// <summary>The <c>ReactivateLeadInput</c> type.</summary>
public sealed class ReactivateLeadInputType : InputObjectGraphType<ReactivateLeadInput>
{
    public ReactivateLeadInputType()
    {
        Name = "ReactivateLeadInput";
        Description = "Brings a refused or postponed lead back to IN_PROGRESS.";
        Field<NonNullGraphType<IdGraphType>>("leadId").Description("The lead's global ID.");
        Field(x => x.ExpectedVersion, nullable: true).Description(LeadInputs.ExpectedVersion);
    }
}
