using GraphQL.Types;
using Platform.Api.Common;
using Platform.Domain.Leads;

namespace Platform.Api.Leads.Inputs;

/// <summary>Input of <c>logActivity</c>.</summary>
public sealed class LogActivityInput
{
    public string LeadId { get; set; } = "";
    public Platform.Domain.Leads.ActivityType Type { get; set; }
    public ActivityDirection Direction { get; set; } = ActivityDirection.Outbound;
    public string? Subject { get; set; }
    public string? Result { get; set; }
    public DateTime? OccurredAt { get; set; }
    public DateTime? NextContactAt { get; set; }
    public string? NextContactTopic { get; set; }
    public int? ExpectedVersion { get; set; }

    /// <summary>Whether this is a contact with the person (not an internal task or a form), so it can be the first response (T2).</summary>
    public bool IsContact => Direction == ActivityDirection.Outbound
        && Type is not (Platform.Domain.Leads.ActivityType.Task or Platform.Domain.Leads.ActivityType.FormSubmission or Platform.Domain.Leads.ActivityType.Other);

    /// <summary>T6: a call ends with the agreed date and topic of the next contact; date and topic go together.</summary>
    public ValidationError? Validate(DateTime now)
    {
        if (Type == Platform.Domain.Leads.ActivityType.FormSubmission)
            return new ValidationError("type", "Form submissions are recorded by submitLead.");
        if (Type == Platform.Domain.Leads.ActivityType.Call && (NextContactAt is null || string.IsNullOrWhiteSpace(NextContactTopic)))
            return new ValidationError(NextContactAt is null ? "nextContactAt" : "nextContactTopic", "A call ends with the agreed date and topic of the next contact (T6).");
        if (NextContactAt is not null && string.IsNullOrWhiteSpace(NextContactTopic))
            return new ValidationError("nextContactTopic", "Give the topic agreed for the next contact (T6).");
        if (NextContactAt is null && !string.IsNullOrWhiteSpace(NextContactTopic))
            return new ValidationError("nextContactAt", "Give the date agreed for the next contact (T6).");
        if (NextContactAt is { } next && next <= now)
            return new ValidationError("nextContactAt", "The next contact must be in the future.");
        if (OccurredAt is { } at && at > now)
            return new ValidationError("occurredAt", "An activity is logged when it happened, not in the future.");
        return null;
    }
}

/// <summary>The <c>LogActivityInput</c> type.</summary>
public sealed class LogActivityInputType : InputObjectGraphType<LogActivityInput>
{
    public LogActivityInputType()
    {
        Name = "LogActivityInput";
        Description = "A touch with a lead and its completion report, with the agreed next contact.";
        Field<NonNullGraphType<IdGraphType>>("leadId").Description("The lead's global ID.");
        Field(x => x.Type).Description("Kind of touch: call, e-mail, meeting, proposal, seminar, demo, letter…");
        Field(x => x.Direction, nullable: true).Description("Who initiated it; OUTBOUND by default.");
        Field(x => x.Subject, nullable: true).Description("Short subject.");
        Field(x => x.Result, nullable: true).Description("The completion report: what happened and what was agreed.");
        Field(x => x.OccurredAt, nullable: true).Description("When it happened (UTC); now when omitted.");
        Field(x => x.NextContactAt, nullable: true).Description("Agreed date of the next contact; required after a call.");
        Field(x => x.NextContactTopic, nullable: true).Description("Agreed topic of the next contact; required with the date.");
        Field(x => x.ExpectedVersion, nullable: true).Description(LeadInputs.ExpectedVersion);
    }
}
