using GraphQL.Types;

namespace Platform.Api.Leads.Inputs;

/// <summary>Input of <c>postponeLead</c>.</summary>
public sealed class PostponeLeadInput
{
    public string LeadId { get; set; } = "";
    public DateTime Until { get; set; }
    public int? ExpectedVersion { get; set; }
}

/// <summary>The <c>PostponeLeadInput</c> type.</summary>
public sealed class PostponeLeadInputType : InputObjectGraphType<PostponeLeadInput>
{
    public PostponeLeadInputType()
    {
        Name = "PostponeLeadInput";
        Description = "Puts an open lead aside until a re-contact date.";
        Field<NonNullGraphType<IdGraphType>>("leadId").Description("The lead's global ID.");
        Field(x => x.Until).Description("The re-contact date (UTC), in the future.");
        Field(x => x.ExpectedVersion, nullable: true).Description(LeadInputs.ExpectedVersion);
    }
}
