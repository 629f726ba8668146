namespace Platform.Domain.Leads;

/// <summary>
/// The lead lifecycle: New → Assigned → InProgress → Qualified →
/// Converted; Refused and Postponed from any open state; a refused or postponed lead is reactivated
/// to InProgress. Converted is final. Leads are never deleted (C7).
/// </summary>
public static class LeadLifecycle
{
    /// <summary>Whether a lead may move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool CanMove(LeadStatus from, LeadStatus to) => (from, to) switch
    {
        // Assigning again (re-assignment) keeps a worked lead where it is; only New moves to Assigned.
        (LeadStatus.New, LeadStatus.Assigned) => true,
        (LeadStatus.New or LeadStatus.Assigned, LeadStatus.InProgress) => true,
        (LeadStatus.InProgress, LeadStatus.Qualified) => true,
        (LeadStatus.Qualified, LeadStatus.Converted) => true,
        (LeadStatus.New or LeadStatus.Assigned or LeadStatus.InProgress or LeadStatus.Qualified, LeadStatus.Refused or LeadStatus.Postponed) => true,
        // Reactivation (C7): refused and postponed leads come back to work.
        (LeadStatus.Refused or LeadStatus.Postponed, LeadStatus.InProgress) => true,
        _ => false,
    };
}
