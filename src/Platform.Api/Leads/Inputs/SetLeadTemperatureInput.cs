using GraphQL.Types;
using Platform.Domain.Leads;

namespace Platform.Api.Leads.Inputs;

/// <summary>Input of <c>setLeadTemperature</c>.</summary>
public sealed class SetLeadTemperatureInput
{
    public string LeadId { get; set; } = "";
    public LeadTemperature Temperature { get; set; }
    public int? ExpectedVersion { get; set; }
}

/// <summary>The <c>SetLeadTemperatureInput</c> type.</summary>
public sealed class SetLeadTemperatureInputType : InputObjectGraphType<SetLeadTemperatureInput>
{
    public SetLeadTemperatureInputType()
    {
        Name = "SetLeadTemperatureInput";
        Description = "Which lead gets which temperature.";
        Field<NonNullGraphType<IdGraphType>>("leadId").Description("The lead's global ID.");
        Field(x => x.Temperature).Description("The new temperature.");
        Field(x => x.ExpectedVersion, nullable: true).Description(LeadInputs.ExpectedVersion);
    }
}
