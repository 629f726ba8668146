using GraphQL;
using GraphQL.Types;
using Platform.Api.Common;
using Platform.Api.Leads.Conversion;
using Platform.Api.Leads.Inputs;
using Platform.Domain.Leads;
using Platform.Domain.Staff;

namespace Platform.Api.Leads;

/// <summary>The lead fields of the root mutation.</summary>
public static class LeadMutations
{
    public static void AddLeadMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<LeadPayloadType>>("setLeadTemperature")
            .Description("Re-classifies a lead as cold, warm or hot.")
            .Argument<NonNullGraphType<SetLeadTemperatureInputType>>("input", "The lead and its new temperature.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<SetLeadTemperatureInput>("input");
                var id = GlobalIds.Decode<Lead>(input.LeadId, "input.leadId");
                return await Leads(context).SetTemperatureAsync(input.LeadId, id, input.Temperature, input.ExpectedVersion, context.CancellationToken);
            });

        mutation.Field<NonNullGraphType<LeadPayloadType>>("setLeadOrigin")
            .Description("Sets whether a lead is a seed, net or spear lead.")
            .Argument<NonNullGraphType<SetLeadOriginInputType>>("input", "The lead and its origin.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<SetLeadOriginInput>("input");
                var id = GlobalIds.Decode<Lead>(input.LeadId, "input.leadId");
                return await Leads(context).SetOriginAsync(input.LeadId, id, input.Origin, input.ExpectedVersion, context.CancellationToken);
            });

        mutation.Field<NonNullGraphType<LeadPayloadType>>("assignLead")
            .Description("Makes a staff user responsible for a lead: NEW becomes ASSIGNED; a lead in work is re-assigned.")
            .Argument<NonNullGraphType<AssignLeadInputType>>("input", "The lead and its new owner.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<AssignLeadInput>("input");
                var id = GlobalIds.Decode<Lead>(input.LeadId, "input.leadId");
                var ownerId = GlobalIds.Decode<StaffUser>(input.OwnerId, "input.ownerId");
                return await Leads(context).AssignAsync(input.LeadId, id, input.OwnerId, ownerId, input.ExpectedVersion, context.CancellationToken);
            });

        mutation.Field<NonNullGraphType<LeadPayloadType>>("logActivity")
            .Description("Records a call, e-mail, meeting, proposal, seminar, demo, letter… with its result and the agreed next contact. The first outbound contact sets the first response time.")
            .Argument<NonNullGraphType<LogActivityInputType>>("input", "The activity.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<LogActivityInput>("input");
                var id = GlobalIds.Decode<Lead>(input.LeadId, "input.leadId");
                return await Leads(context).LogActivityAsync(input.LeadId, id, input, context.CancellationToken);
            });

        mutation.Field<NonNullGraphType<LeadPayloadType>>("qualifyLead")
            .Description("Qualifies a lead in progress: need, ability to pay and decision authority confirmed, target criteria recorded.")
            .Argument<NonNullGraphType<QualifyLeadInputType>>("input", "The qualification.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<QualifyLeadInput>("input");
                var id = GlobalIds.Decode<Lead>(input.LeadId, "input.leadId");
                return await Leads(context).QualifyAsync(input.LeadId, id, input, context.CancellationToken);
            });

        mutation.Field<NonNullGraphType<LeadPayloadType>>("refuseLead")
            .Description("Marks an open lead refused, by us or by the client, with the reason; it is kept, never deleted.")
            .Argument<NonNullGraphType<RefuseLeadInputType>>("input", "The refusal.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<RefuseLeadInput>("input");
                var id = GlobalIds.Decode<Lead>(input.LeadId, "input.leadId");
                return await Leads(context).RefuseAsync(input.LeadId, id, input, context.CancellationToken);
            });

        mutation.Field<NonNullGraphType<LeadPayloadType>>("postponeLead")
            .Description("Puts an open lead aside until a re-contact date.")
            .Argument<NonNullGraphType<PostponeLeadInputType>>("input", "The lead and the date.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<PostponeLeadInput>("input");
                var id = GlobalIds.Decode<Lead>(input.LeadId, "input.leadId");
                return await Leads(context).PostponeAsync(input.LeadId, id, input.Until, input.ExpectedVersion, context.CancellationToken);
            });

        mutation.Field<NonNullGraphType<LeadPayloadType>>("reactivateLead")
            .Description("Brings a refused or postponed lead back to IN_PROGRESS.")
            .Argument<NonNullGraphType<ReactivateLeadInputType>>("input", "The lead.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<ReactivateLeadInput>("input");
                var id = GlobalIds.Decode<Lead>(input.LeadId, "input.leadId");
                return await Leads(context).ReactivateAsync(input.LeadId, id, input.ExpectedVersion, context.CancellationToken);
            });

        mutation.Field<NonNullGraphType<ConvertLeadPayloadType>>("convertLead")
            .Description("Converts a QUALIFIED lead into a client (created, or linked when one matches by tax id, e-mail or phone) with a contact and optionally a deal, in one transaction.")
            .Argument<NonNullGraphType<ConvertLeadInputType>>("input", "The lead and the client to create.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<ConvertLeadInput>("input");
                var id = GlobalIds.Decode<Lead>(input.LeadId, "input.leadId");
                return await context.RequestServices!.GetRequiredService<LeadConversionService>().ConvertAsync(input.LeadId, id, input, context.CancellationToken);
            });
    }

    private static LeadService Leads(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<LeadService>();
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
