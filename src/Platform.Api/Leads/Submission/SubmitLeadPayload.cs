using GraphQL.Types;
using Platform.Api.Auditing;
using Platform.Domain.Leads;
using Platform.GraphQL.Server.Mutations;

namespace Platform.Api.Leads.Submission;

/// <summary>What <c>submitLead</c> returns.</summary>
public sealed record SubmitLeadPayload(Lead? Lead, bool RepeatTouch, IReadOnlyList<IPayloadError> Warnings, IReadOnlyList<IPayloadError> Errors) : IAuditedPayload
{
    /// <summary>True when the lead's audit entry was stored with it (<see cref="LeadIntake"/>).</summary>
    public bool Audited { get; init; }

    public static SubmitLeadPayload Failed(params IPayloadError[] errors) => new(null, false, [], errors);
}

/// <summary>The <c>SubmitLeadPayload</c> type.</summary>
public sealed class SubmitLeadPayloadType : ObjectGraphType<SubmitLeadPayload>
{
    public SubmitLeadPayloadType()
    {
        Name = "SubmitLeadPayload";
        Description = "The result of `submitLead`: the accepted lead, or the errors that prevented it (then nothing was stored).";
        Field<LeadType>("lead").Description("The new lead, or the open lead this submission was recorded on as a repeat touch; null when there are errors.").Resolve(c => c.Source.Lead);
        Field<NonNullGraphType<BooleanGraphType>>("repeatTouch")
            .Description("True when the phone or e-mail matched an open lead of the last 30 days, so the submission was recorded on it instead of creating a second lead.")
            .Resolve(c => c.Source.RepeatTouch);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LeadErrorType>>>>("warnings")
            .Description("Problems that did not prevent the lead, e.g. an expired referral code (the lead is then not attributed).")
            .Resolve(c => c.Source.Warnings);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LeadErrorType>>>>("errors")
            .Description("Why the submission was refused; empty on success.")
            .Resolve(c => c.Source.Errors);
    }
}
