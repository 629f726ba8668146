using GraphQL.Types;
using Platform.Domain.Leads;

namespace Platform.Api.Leads.Inputs;

/// <summary>Input of <c>setLeadOrigin</c>.</summary>
public sealed class SetLeadOriginInput
{
    public string LeadId { get; set; } = "";
    public LeadOrigin Origin { get; set; }
    public int? ExpectedVersion { get; set; }
}

/// <summary>The <c>SetLeadOriginInput</c> type.</summary>
public sealed class SetLeadOriginInputType : InputObjectGraphType<SetLeadOriginInput>
{
    public SetLeadOriginInputType()
    {
        Name = "SetLeadOriginInput";
        Description = "Which lead gets which origin (seed, net or spear).";
        Field<NonNullGraphType<IdGraphType>>("leadId").Description("The lead's global ID.");
        Field(x => x.Origin).Description("The new origin.");
        Field(x => x.ExpectedVersion, nullable: true).Description(LeadInputs.ExpectedVersion);
    }
}
