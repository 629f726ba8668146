using GraphQL.Types;
using Platform.Api.Common;
using Platform.Api.Leads.Conversion;
using Platform.Api.Leads.Inputs;
using Platform.Domain.Leads;
using Platform.Domain.Staff;
using Platform.GraphQL.Server.Mutations;

namespace Platform.Api.Leads;

/// <summary>The lead fields of the root mutation.</summary>
public static class LeadMutations
{
    public static void AddLeadMutations(this ObjectGraphType mutation)
    {
        mutation.InputMutation<LeadPayloadType, SetLeadTemperatureInputType>("setLeadTemperature",
                "Re-classifies a lead as cold, warm or hot.", "The lead and its new temperature.")
            .Resolve((LeadService leads, SetLeadTemperatureInput input, CancellationToken ct) =>
                leads.SetTemperatureAsync(input.LeadId, LeadId(input.LeadId), input.Temperature, input.ExpectedVersion, ct));

        mutation.InputMutation<LeadPayloadType, SetLeadOriginInputType>("setLeadOrigin",
                "Sets whether a lead is a seed, net or spear lead.", "The lead and its origin.")
            .Resolve((LeadService leads, SetLeadOriginInput input, CancellationToken ct) =>
                leads.SetOriginAsync(input.LeadId, LeadId(input.LeadId), input.Origin, input.ExpectedVersion, ct));

        mutation.InputMutation<LeadPayloadType, AssignLeadInputType>("assignLead",
                "Makes a staff user responsible for a lead: NEW becomes ASSIGNED; a lead in work is re-assigned.", "The lead and its new owner.")
            .Resolve((LeadService leads, AssignLeadInput input, CancellationToken ct) =>
            {
                var id = LeadId(input.LeadId);
                var ownerId = GlobalIds.Decode<StaffUser>(input.OwnerId, "input.ownerId");
                return leads.AssignAsync(input.LeadId, id, input.OwnerId, ownerId, input.ExpectedVersion, ct);
            });

        mutation.InputMutation<LeadPayloadType, LogActivityInputType>("logActivity",
                "Records a call, e-mail, meeting, proposal, seminar, demo, letter… with its result and the agreed next contact. The first outbound contact sets the first response time.",
                "The activity.")
            .Resolve((LeadService leads, LogActivityInput input, CancellationToken ct) =>
                leads.LogActivityAsync(input.LeadId, LeadId(input.LeadId), input, ct));

        mutation.InputMutation<LeadPayloadType, QualifyLeadInputType>("qualifyLead",
                "Qualifies a lead in progress: need, ability to pay and decision authority confirmed, target criteria recorded.", "The qualification.")
            .Resolve((LeadService leads, QualifyLeadInput input, CancellationToken ct) =>
                leads.QualifyAsync(input.LeadId, LeadId(input.LeadId), input, ct));

        mutation.InputMutation<LeadPayloadType, RefuseLeadInputType>("refuseLead",
                "Marks an open lead refused, by us or by the client, with the reason; it is kept, never deleted.", "The refusal.")
            .Resolve((LeadService leads, RefuseLeadInput input, CancellationToken ct) =>
                leads.RefuseAsync(input.LeadId, LeadId(input.LeadId), input, ct));

        mutation.InputMutation<LeadPayloadType, PostponeLeadInputType>("postponeLead",
                "Puts an open lead aside until a re-contact date.", "The lead and the date.")
            .Resolve((LeadService leads, PostponeLeadInput input, CancellationToken ct) =>
                leads.PostponeAsync(input.LeadId, LeadId(input.LeadId), input.Until, input.ExpectedVersion, ct));

        mutation.InputMutation<LeadPayloadType, ReactivateLeadInputType>("reactivateLead",
                "Brings a refused or postponed lead back to IN_PROGRESS.", "The lead.")
            .Resolve((LeadService leads, ReactivateLeadInput input, CancellationToken ct) =>
                leads.ReactivateAsync(input.LeadId, LeadId(input.LeadId), input.ExpectedVersion, ct));

        mutation.InputMutation<ConvertLeadPayloadType, ConvertLeadInputType>("convertLead",
                "Converts a QUALIFIED lead into a client (created, or linked when one matches by tax id, e-mail or phone) with a contact and optionally a deal, in one transaction.",
                "The lead and the client to create.")
            .Resolve((LeadConversionService conversion, ConvertLeadInput input, CancellationToken ct) =>
                conversion.ConvertAsync(input.LeadId, LeadId(input.LeadId), input, ct));
    }

    private static long LeadId(string leadId) => GlobalIds.Decode<Lead>(leadId, "input.leadId");
}
