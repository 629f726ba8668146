using GraphQL.Types;
using Platform.Domain;

namespace Platform.Api.Leads.Inputs;

/// <summary>Input of <c>refuseLead</c>.</summary>
public sealed class RefuseLeadInput
{
    public string LeadId { get; set; } = "";
    public RefusedBy RefusedBy { get; set; }
    public string Reason { get; set; } = "";
    public bool FarewellLetterSent { get; set; }
    public DateTime? RecontactAt { get; set; }
    public int? ExpectedVersion { get; set; }
}

/// <summary>The <c>RefuseLeadInput</c> type.</summary>
public sealed class RefuseLeadInputType : InputObjectGraphType<RefuseLeadInput>
{
    public RefuseLeadInputType()
    {
        Name = "RefuseLeadInput";
        Description = "A refusal by us or by the client, with its reason. The lead is kept, never deleted.";
        Field<NonNullGraphType<IdGraphType>>("leadId").Description("The lead's global ID.");
        Field(x => x.RefusedBy).Description("Who refused: US (with arguments) or CLIENT.");
        Field(x => x.Reason).Description("Why; required.");
        Field(x => x.FarewellLetterSent, nullable: true).Description("Whether the farewell letter with a short questionnaire was sent.");
        Field(x => x.RecontactAt, nullable: true).Description("When to contact the person again, if ever.");
        Field(x => x.ExpectedVersion, nullable: true).Description(LeadInputs.ExpectedVersion);
    }
}
