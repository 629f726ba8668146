using Microsoft.EntityFrameworkCore;
using Platform.Api.Common;
using Platform.Data;
using Platform.Domain;
using Platform.Domain.Leads;
using Platform.Api.Leads.Inputs;
using Platform.GraphQL.Server.Mutations;

namespace Platform.Api.Leads;

/// <summary>
/// Changes to leads, each validated against the lifecycle (<see cref="LeadLifecycle"/>) and saved
/// atomically; a concurrent edit is a CONFLICT, never lost.
/// </summary>
public sealed class LeadService(PlatformDbContext db, TimeProvider time)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Staff may re-classify a lead at any time.</summary>
    public Task<LeadPayload> SetTemperatureAsync(string leadId, long id, LeadTemperature temperature, int? expectedVersion, CancellationToken ct) =>
        ChangeAsync(leadId, id, expectedVersion, lead =>
        {
            lead.Temperature = temperature;
            return Task.FromResult<IPayloadError?>(null);
        }, ct);

    /// <summary>Origin is independent of temperature and status.</summary>
    public Task<LeadPayload> SetOriginAsync(string leadId, long id, LeadOrigin origin, int? expectedVersion, CancellationToken ct) =>
        ChangeAsync(leadId, id, expectedVersion, lead =>
        {
            lead.Origin = origin;
            return Task.FromResult<IPayloadError?>(null);
        }, ct);

    /// <summary>
    /// Makes a staff user responsible (L10). A new lead becomes ASSIGNED; an open lead in work keeps
    /// its status (re-assignment); a closed one (converted, refused, postponed) cannot be assigned.
    /// </summary>
    public Task<LeadPayload> AssignAsync(string leadId, long id, string ownerGlobalId, long ownerId, int? expectedVersion, CancellationToken ct) =>
        ChangeAsync(leadId, id, expectedVersion, async lead =>
        {
            if (!lead.IsOpen)
                return InvalidTransitionError.Of(lead.Status, LeadStatus.Assigned);
            var owner = await db.StaffUsers.AsNoTracking().Where(s => s.Id == ownerId).Select(s => new { s.IsActive }).SingleOrDefaultAsync(ct);
            if (owner is null)
                return new NotFoundError(ownerGlobalId, $"No staff user has the ID \"{ownerGlobalId}\".");
            if (!owner.IsActive)
                return new ValidationError("ownerId", "The staff user is no longer active and gets no new work.");
            lead.Assign(ownerId, Now);
            return null;
        }, ct);

    /// <summary>
    /// Records a touch (L11). The first outbound contact sets the first response time; a new
    /// or assigned lead moves to IN_PROGRESS; the agreed next contact is kept on the lead.
    /// </summary>
    public Task<LeadPayload> LogActivityAsync(string leadId, long id, LogActivityInput input, CancellationToken ct) =>
        ChangeAsync(leadId, id, input.ExpectedVersion, lead =>
        {
            if (lead.Status == LeadStatus.Converted)
                return Task.FromResult<IPayloadError?>(new InvalidTransitionError(lead.Status, lead.Status,
                    "The lead was converted; record activities on its client."));
            var invalid = input.Validate(Now)
                ?? db.Check<Activity>(nameof(Activity.Subject), "subject", input.Subject, freeText: true)
                ?? db.Check<Activity>(nameof(Activity.Result), "result", input.Result, freeText: true)
                ?? db.Check<Activity>(nameof(Activity.NextContactTopic), "nextContactTopic", input.NextContactTopic, freeText: true);
            if (invalid is not null)
                return Task.FromResult<IPayloadError?>(invalid);
            var at = input.OccurredAt ?? Now;
            lead.Activities.Add(new Activity
            {
                Type = input.Type,
                Direction = input.Direction,
                Subject = input.Subject,
                Result = input.Result,
                OccurredAt = at,
                DoneAt = at,
                NextContactAt = input.NextContactAt,
                NextContactTopic = input.NextContactTopic,
                OwnerId = lead.OwnerId,
            });
            lead.TouchCount++;
            if (input.NextContactAt is not null)
            {
                lead.NextContactAt = input.NextContactAt;
                lead.NextContactTopic = input.NextContactTopic;
            }
            if (lead.FirstRespondedAt is null && input.IsContact)
                lead.FirstRespondedAt = at;
            lead.StartWork();
            return Task.FromResult<IPayloadError?>(null);
        }, ct);

    /// <summary>Q1/Q2: need, ability to pay and decision authority must all be confirmed; target criteria (Q5/Q6) are stored as data.</summary>
    public Task<LeadPayload> QualifyAsync(string leadId, long id, QualifyLeadInput input, CancellationToken ct) =>
        ChangeAsync(leadId, id, input.ExpectedVersion, lead =>
        {
            IPayloadError? error = (IPayloadError?)Check(lead, LeadStatus.Qualified)
                ?? (!input.NeedConfirmed ? new ValidationError("needConfirmed", "A lead qualifies only with a confirmed need (Q1); keep working it or refuse it.") : null)
                ?? (!input.CanPay ? new ValidationError("canPay", "A lead qualifies only if it can pay (Q1); keep working it or refuse it.") : null)
                ?? (!input.HasDecisionAuthority ? new ValidationError("hasDecisionAuthority", "A lead qualifies only with decision authority (L1/Q2); find the decision maker.") : null)
                ?? input.TargetCriteria?.Select(c => TextInputs.Check("targetCriteria", c.Name) ?? TextInputs.Check("targetCriteria", c.Value, freeText: true)).FirstOrDefault(e => e is not null);
            if (error is not null)
                return Task.FromResult<IPayloadError?>(error);
            lead.Qualify(input.TargetCriteriaJson(), Now);
            return Task.FromResult<IPayloadError?>(null);
        }, ct);

    /// <summary>C7/C8: a refused lead is kept with who refused and why; the farewell letter is recorded.</summary>
    public Task<LeadPayload> RefuseAsync(string leadId, long id, RefuseLeadInput input, CancellationToken ct) =>
        ChangeAsync(leadId, id, input.ExpectedVersion, lead =>
        {
            IPayloadError? error = (IPayloadError?)Check(lead, LeadStatus.Refused)
                ?? (string.IsNullOrWhiteSpace(input.Reason) ? new ValidationError("reason", "A refusal needs its reason (C7).") : null)
                ?? db.Check<Lead>(nameof(Lead.RefusalReason), "reason", input.Reason.Trim(), freeText: true)
                ?? (input.RecontactAt is { } at && at <= Now ? new ValidationError("recontactAt", "The re-contact date must be in the future.") : null);
            if (error is not null)
                return Task.FromResult<IPayloadError?>(error);
            lead.Refuse(input.RefusedBy, input.Reason.Trim(), Now, input.FarewellLetterSent, input.RecontactAt);
            return Task.FromResult<IPayloadError?>(null);
        }, ct);

    /// <summary>C7: put aside until a re-contact date in the future.</summary>
    public Task<LeadPayload> PostponeAsync(string leadId, long id, DateTime until, int? expectedVersion, CancellationToken ct) =>
        ChangeAsync(leadId, id, expectedVersion, lead =>
        {
            IPayloadError? error = (IPayloadError?)Check(lead, LeadStatus.Postponed)
                ?? (until <= Now ? new ValidationError("until", "The re-contact date must be in the future.") : null);
            if (error is null)
                lead.Postpone(until);
            return Task.FromResult(error);
        }, ct);

    /// <summary>C7: a refused or postponed lead returns to work; its refusal history stays on the record.</summary>
    public Task<LeadPayload> ReactivateAsync(string leadId, long id, int? expectedVersion, CancellationToken ct) =>
        ChangeAsync(leadId, id, expectedVersion, lead =>
        {
            if (lead.Status is not (LeadStatus.Refused or LeadStatus.Postponed))
                return Task.FromResult<IPayloadError?>(InvalidTransitionError.Of(lead.Status, LeadStatus.InProgress));
            lead.Reactivate();
            return Task.FromResult<IPayloadError?>(null);
        }, ct);

    /// <summary>The INVALID_TRANSITION error when the lifecycle does not allow the move; the lead is not changed.</summary>
    internal static InvalidTransitionError? Check(Lead lead, LeadStatus to) =>
        lead.CanMoveTo(to) ? null : InvalidTransitionError.Of(lead.Status, to);

    private async Task<LeadPayload> ChangeAsync(string leadId, long id, int? expectedVersion, Func<Lead, Task<IPayloadError?>> change, CancellationToken ct)
    {
        var lead = await db.Leads.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (lead is null)
            return LeadPayload.Failed(new NotFoundError(leadId, $"No lead has the ID \"{leadId}\"."));
        db.Expect(lead, expectedVersion);
        if (await change(lead) is { } error)
            return LeadPayload.Failed(error);
        return await db.SaveOrConflictAsync(lead, ct) is { } conflict ? LeadPayload.Failed(conflict) : LeadPayload.Ok(lead);
    }
}
