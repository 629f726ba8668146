using Platform.Domain.Staff;

namespace Platform.Domain.Leads;

/// <summary>
/// A touch or task: a call, e-mail, meeting, proposal, form submission or internal task, about a
/// lead, a client and/or a deal. Every interaction is recorded as a task and its
/// completion report so the stage of each lead is visible in real time (L11).
/// </summary>
public class Activity : Entity
{
    /// <summary>Lead the activity concerns, if any.</summary>
    public long? LeadId { get; set; }

    /// <summary>The lead the activity concerns.</summary>
    public Lead? Lead { get; set; }

    /// <summary>Client the activity concerns, if any.</summary>
    public long? ClientId { get; set; }

    /// <summary>Deal the activity concerns, if any.</summary>
    public long? DealId { get; set; }

    /// <summary>Kind of touch or task.</summary>
    public ActivityType Type { get; set; }

    /// <summary>Whether the person contacted us or we contacted them.</summary>
    public ActivityDirection Direction { get; set; } = ActivityDirection.Outbound;

    /// <summary>Staff user who did or must do it.</summary>
    public long? OwnerId { get; set; }

    /// <summary>The staff user who did or must do it.</summary>
    public StaffUser? Owner { get; set; }

    /// <summary>Short subject, e.g. "Farewell letter with questionnaire" or "Call back about the estimate".</summary>
    public string? Subject { get; set; }

    /// <summary>When the activity happened or, for a task not done yet, when it was created.</summary>
    public DateTime OccurredAt { get; set; }

    /// <summary>When a planned activity (task, call, meeting) is scheduled for.</summary>
    public DateTime? ScheduledAt { get; set; }

    /// <summary>When it was done; null while a task is open.</summary>
    public DateTime? DoneAt { get; set; }

    /// <summary>The completion report: what happened and what was learned.</summary>
    public string? Result { get; set; }

    /// <summary>Agreed date of the next contact; required after a call.</summary>
    public DateTime? NextContactAt { get; set; }

    /// <summary>Agreed topic of the next contact.</summary>
    public string? NextContactTopic { get; set; }

    /// <summary>What was agreed, a JSON array of strings (every call ends with the list of agreements).</summary>
    public string? Agreements { get; set; }

    /// <summary>
    /// For a repeat touch recorded by <c>submitLead</c>: who submitted it (landing key or API client id); with
    /// <see cref="IdempotencyKey"/> it makes a retried submission return the first result instead of touching again.
    /// </summary>
    public string? SubmissionSource { get; set; }

    /// <summary>The idempotency key of the submission that recorded this repeat touch, if it had one.</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>Irreversibly removes what staff or the person wrote about the person: the subject, report, next topic and agreements.</summary>
    public void Erase()
    {
        Subject = Subject is null ? null : Privacy.PersonalData.Erased;
        Result = NextContactTopic = Agreements = null;
    }
}
