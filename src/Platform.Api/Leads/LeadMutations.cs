using GraphQL;
using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain.Leads;

namespace Platform.Api.Leads;

/// <summary>The lead fields of the root mutation.</summary>
public static class LeadMutations
{
    public static void AddLeadMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<LeadPayloadType>>("setLeadTemperature")
            .Description("Re-classifies a lead as cold, warm or hot (SPEC §2.5).")
            .Argument<NonNullGraphType<SetLeadTemperatureInputType>>("input", "The lead and its new temperature.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<SetLeadTemperatureInput>("input");
                var id = GlobalIds.Decode<Lead>(input.LeadId, "input.leadId");
                return await context.RequestServices!.GetRequiredService<LeadService>()
                    .SetTemperatureAsync(input.LeadId, id, input.Temperature, input.ExpectedVersion, context.CancellationToken);
            });
    }
}

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
        Field(x => x.ExpectedVersion, nullable: true).Description("The lead's `version` the change is based on; when it changed meanwhile, a CONFLICT error is returned and nothing is saved.");
    }
}
