using GraphQL.Types;
using Platform.Api.Auditing;
using Platform.Domain.Leads;
using Platform.GraphQL.Server.Mutations;

namespace Platform.Api.Leads.Submission;

/// <summary>
/// What <c>submitLead</c> returns. <see cref="Lead"/> is the lead the submission made or touched, also when the caller
/// is not told of it (<see cref="Disclosed"/>): the audit log records it either way.
/// </summary>
public sealed record SubmitLeadPayload(Lead? Lead, bool RepeatTouch, SubmissionReceipt? Receipt, IReadOnlyList<IPayloadError> Warnings, IReadOnlyList<IPayloadError> Errors) : IAuditedPayload
{
    /// <summary>True when the lead's audit entry was stored with it (<see cref="LeadIntake"/>).</summary>
    public bool Audited { get; init; }

    /// <summary>True when the idempotency key was used before: the answer is the first submission's, and nothing was stored now.</summary>
    public bool Replayed { get; init; }

    /// <summary>Whether the caller may see <see cref="Lead"/> and <see cref="RepeatTouch"/>; public callers get the receipt only.</summary>
    public bool Disclosed { get; init; } = true;

    public static SubmitLeadPayload Failed(params IPayloadError[] errors) => new(null, false, null, [], errors);
}

/// <summary>The <c>SubmitLeadPayload</c> type.</summary>
public sealed class SubmitLeadPayloadType : ObjectGraphType<SubmitLeadPayload>
{
    public SubmitLeadPayloadType()
    {
        Name = "SubmitLeadPayload";
        Description = "The result of `submitLead`: a receipt for the accepted submission (and, for callers who may read leads, the lead), or the errors that prevented it (then nothing was stored).";
        Field<SubmissionReceiptType>("receipt")
            .Description("The receipt of the accepted submission; null when there are errors. All that a landing page (a landing key or landing client) gets: the same shape for a new person and for someone already known.")
            .Resolve(c => c.Source.Receipt);
        Field<LeadType>("lead")
            .Description("The new lead, or the open lead this submission was recorded on as a repeat touch. Null when there are errors, and always null for landing pages, which learn nothing about stored data.")
            .Resolve(c => c.Source.Disclosed ? c.Source.Lead : null);
        Field<NonNullGraphType<BooleanGraphType>>("repeatTouch")
            .Description("True when the phone or e-mail matched an open lead of the last 30 days, so the submission was recorded on it instead of creating a second lead. Always false for landing pages.")
            .Resolve(c => c.Source.Disclosed && c.Source.RepeatTouch);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LeadErrorType>>>>("warnings")
            .Description("Problems that did not prevent the submission, e.g. a referral code that cannot be used (the lead is then not attributed).")
            .Resolve(c => c.Source.Warnings);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LeadErrorType>>>>("errors")
            .Description("Why the submission was refused; empty on success.")
            .Resolve(c => c.Source.Errors);
    }
}
