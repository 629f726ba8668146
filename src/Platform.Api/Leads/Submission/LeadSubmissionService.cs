using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Api.Common;
using Platform.Data;
using Platform.Domain.Auditing;
using Platform.Domain.Leads;
using Platform.Domain.Referrals;
using Platform.GraphQL.Server.Mutations;

namespace Platform.Api.Leads.Submission;

/// <summary>Where a submission came from: the landing key and idempotency key headers and the client address.</summary>
public sealed record SubmissionContext(string? LandingKey, string? IdempotencyKey, string? ClientId, string? IpAddress);

/// <summary>
/// <c>submitLead</c> (SPEC §5.1): validates, rejects spam, returns the first result for a retried
/// idempotency key, records a repeat touch on a recent open lead with the same phone or e-mail,
/// or creates the lead with its deadline, owner, referral and follow-up task in one save. Plain
/// submissions (no referral, a caller that sees every lead) go through the <see cref="LeadIntake"/>
/// batch first; what it hands back takes the one-by-one way below.
/// </summary>
public sealed class LeadSubmissionService(
    PlatformDbContext db,
    LandingKeyService landingKeys,
    SubmissionValidator validator,
    LeadRouting routing,
    LeadIntake intake,
    TimeProvider time,
    IOptions<LeadOptions> options,
    ICurrentActor actor)
{
    /// <summary>Submission source of callers with neither a landing key nor an API client id.</summary>
    public const string PublicSource = "public";

    /// <summary>Handles one submission; <paramref name="auditEntry"/> makes the audit entry stored with a lead the batch writes.</summary>
    public async Task<SubmitLeadPayload> SubmitAsync(SubmitLeadInput input, SubmissionContext from, Func<SubmitLeadPayload, AuditLogEntry> auditEntry, CancellationToken ct)
    {
        var settings = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        LandingKey? key = null;
        if (from.LandingKey is { } keyString)
        {
            key = await landingKeys.FindUsableAsync(keyString, ct);
            if (key is null)
                return SubmitLeadPayload.Failed(new InvalidLandingKeyError($"The landing key \"{keyString}\" is unknown or revoked."));
        }
        var source = key?.Key ?? from.ClientId ?? PublicSource;

        var spam = !string.IsNullOrEmpty(input.Honeypot) ? SpamReason.Honeypot
            : input.FormRenderedAt is { } rendered && now - rendered < settings.MinimumFillTime ? SpamReason.TooFast
            : (SpamReason?)null;
        if (spam is { } reason)
        {
            db.RejectedSubmissions.Add(new RejectedSubmission { Source = source, Reason = reason, IpAddress = from.IpAddress, RejectedAt = now });
            await db.SaveChangesAsync(ct);
            return SubmitLeadPayload.Failed(new SpamRejectedError(reason, "The submission was rejected as spam."));
        }

        var (phone, email, errors) = validator.Validate(input, key);
        if (errors.Count > 0)
            return SubmitLeadPayload.Failed([.. errors]);

        var idempotencyKey = from.IdempotencyKey ?? input.IdempotencyKey;
        if (actor is { PartnerId: null, LeadOwnerId: null } && string.IsNullOrWhiteSpace(input.ReferralCode))
        {
            var candidate = NewLead(input, key, phone, email, source, idempotencyKey, now);
            if (await intake.TryStoreAsync(candidate, new LeadIntake.Caller(actor.Name, actor.ClientId), lead => auditEntry(Accepted(lead))))
                return Accepted(candidate) with { Audited = true };
        }
        if (await FindEarlierAsync(source, idempotencyKey, phone, email, now.AddDays(-settings.DuplicateWindowDays), ct) is { } earlier)
            return earlier.Retry switch
            {
                Retry.OfNewLead => new SubmitLeadPayload(earlier.Lead, false, [], []),
                Retry.OfRepeatTouch => new SubmitLeadPayload(earlier.Lead, true, [], []),
                _ => await RecordRepeatTouchAsync(earlier.Lead, input, source, idempotencyKey, now, ct),
            };

        var warnings = new List<IPayloadError>();
        var lead = NewLead(input, key, phone, email, source, idempotencyKey, now);
        var referral = await AttributeAsync(lead, input.ReferralCode, now, warnings, ct)
            ?? await AttributeToCallingPartnerAsync(lead, now, warnings, ct);
        if (settings.AutoAssign)
            await routing.AssignNewAsync(lead, ct);

        db.Leads.Add(lead);
        try
        {
            if (referral is null)
            {
                await db.SaveChangesAsync(ct);
            }
            else
            {
                // The referral row needs the lead's id: two inserts, one transaction.
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                await db.SaveChangesAsync(ct);
                referral.LeadId = lead.Id;
                db.Referrals.Add(referral);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            // A concurrent retry with the same key won the unique index (SubmissionSource, IdempotencyKey).
            db.ChangeTracker.Clear();
            if (await FindSubmittedAsync(source, idempotencyKey, ct) is { } winner)
                return new SubmitLeadPayload(winner, false, [], []);
            throw;
        }
        return new SubmitLeadPayload(lead, false, warnings, []);
    }

    private static SubmitLeadPayload Accepted(Lead lead) => new(lead, false, [], []);

    private Task<Lead?> FindSubmittedAsync(string source, string idempotencyKey, CancellationToken ct) =>
        db.Leads.AsNoTracking().SingleOrDefaultAsync(l => l.SubmissionSource == source && l.IdempotencyKey == idempotencyKey, ct);

    /// <summary>Whether a submission repeats an earlier one with the same idempotency key, and which result that had.</summary>
    private enum Retry { No, OfNewLead, OfRepeatTouch }

    private sealed record Earlier(Lead Lead, Retry Retry);

    /// <summary>
    /// In one query: the lead this idempotency key already created or touched (a retry returns it as the first
    /// result did), else the newest open lead with this phone or e-mail created since <paramref name="since"/> (a
    /// repeat touch, DECISIONS [Leads] "duplicates"). The touch lookup is an uncorrelated subquery on the unique
    /// (source, key) index of activities, evaluated once.
    /// </summary>
    private async Task<Earlier?> FindEarlierAsync(string source, string? idempotencyKey, string? phone, string? email, DateTime since, CancellationToken ct)
    {
        if (idempotencyKey is null && phone is null && email is null)
            return null;
        // Not run here: a subquery of the statement below (IQueryable), so the whole lookup stays one round trip.
        var touched = db.Activities.Where(a => idempotencyKey != null && a.SubmissionSource == source && a.IdempotencyKey == idempotencyKey).Select(a => a.LeadId);
        // The window is selected and sorted on, not filtered on (DuplicateWindow): never a scan of the window's leads.
        var found = await db.Leads
            .Where(l => (idempotencyKey != null && l.SubmissionSource == source && l.IdempotencyKey == idempotencyKey)
                || l.Id == touched.FirstOrDefault()
                || (phone != null && l.Phone == phone)
                || (email != null && l.Email == email))
            .Select(DuplicateWindow.Select(since, (l, open) => new
            {
                Lead = l,
                Created = idempotencyKey != null && l.SubmissionSource == source && l.IdempotencyKey == idempotencyKey,
                Touched = l.Id == touched.FirstOrDefault(),
                Open = open,
            }))
            .OrderByDescending(x => x.Created).ThenByDescending(x => x.Touched).ThenByDescending(x => x.Open)
            .ThenByDescending(x => x.Lead.CreatedAt).ThenByDescending(x => x.Lead.Id)
            .FirstOrDefaultAsync(ct);
        if (found is null || !(found.Created || found.Touched || found.Open))
            return null; // only closed or older leads of this person: a new lead
        return new Earlier(found.Lead, found.Created ? Retry.OfNewLead : found.Touched ? Retry.OfRepeatTouch : Retry.No);
    }

    private async Task<SubmitLeadPayload> RecordRepeatTouchAsync(Lead lead, SubmitLeadInput input, string source, string? idempotencyKey, DateTime now, CancellationToken ct)
    {
        lead.Activities.Add(new Activity
        {
            Type = Platform.Domain.Leads.ActivityType.FormSubmission,
            Direction = ActivityDirection.Inbound,
            Subject = $"Repeat submission: {input.RequestType}",
            Result = input.Message,
            OccurredAt = now,
            DoneAt = now,
            OwnerId = lead.OwnerId,
            SubmissionSource = idempotencyKey is null ? null : source,
            IdempotencyKey = idempotencyKey,
        });
        lead.TouchCount++;
        try
        {
            // Another touch racing on the same lead bumps the version; retry on the fresh row.
            if (await db.SaveOrConflictAsync(lead, ct) is not null)
            {
                db.ChangeTracker.Clear();
                var fresh = await db.Leads.SingleAsync(l => l.Id == lead.Id, ct);
                return await RecordRepeatTouchAsync(fresh, input, source, idempotencyKey, now, ct);
            }
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            // A concurrent retry with the same key recorded this touch first (unique source + key on activities).
            db.ChangeTracker.Clear();
            if (!await db.Activities.AnyAsync(a => a.SubmissionSource == source && a.IdempotencyKey == idempotencyKey, ct))
                throw;
            lead = await db.Leads.AsNoTracking().SingleAsync(l => l.Id == lead.Id, ct);
        }
        return new SubmitLeadPayload(lead, true, [], []);
    }

    /// <summary>The lead a submission creates, unassigned, with its online-estimate follow-up task (L9).</summary>
    private Lead NewLead(SubmitLeadInput input, LandingKey? key, string? phone, string? email, string source, string? idempotencyKey, DateTime now)
    {
        var settings = options.Value;
        var lead = new Lead
        {
            CreatedAt = now, // the deadline counts from the same instant
            FirstName = input.FirstName!.Trim(),
            LastName = Trimmed(input.LastName),
            Phone = phone,
            Email = email,
            Company = Trimmed(input.Company),
            Position = Trimmed(input.Position),
            Message = Trimmed(input.Message),
            RequestType = input.RequestType,
            EstimateParameters = input.EstimateParameters is { Count: > 0 } parameters
                ? JsonSerializer.Serialize(parameters.ToDictionary(p => p.Name, p => p.Value))
                : null,
            Channel = input.Channel ?? (key is null ? LeadChannels.Other : LeadChannels.LandingPage),
            LandingPage = key?.LandingPageCode ?? Trimmed(input.LandingPage),
            PageUrl = input.PageUrl,
            Referrer = input.Referrer,
            UtmSource = input.UtmSource,
            UtmMedium = input.UtmMedium,
            UtmCampaign = input.UtmCampaign,
            UtmTerm = input.UtmTerm,
            UtmContent = input.UtmContent,
            SubmissionSource = source,
            IdempotencyKey = idempotencyKey,
            Temperature = LeadTemperature.Warm, // L5: landing-page and form leads start warm
            Origin = LeadOrigin.Net,
            Status = LeadStatus.New,
            // T1: 2 h after a demo download, 1 h otherwise (configurable).
            FirstResponseDueAt = now + (input.RequestType == RequestType.DemoDownload ? settings.DemoDownloadResponseTime : settings.DefaultResponseTime),
            TouchCount = 1,
            MarketingConsent = input.MarketingConsent,
            ConsentText = input.MarketingConsent ? input.ConsentText : null,
            ConsentAt = input.MarketingConsent ? input.ConsentAt ?? now : null,
        };
        if (lead.RequestType == RequestType.OnlineEstimate)
            lead.Activities.Add(EstimateFollowUp(lead, now));
        return lead;
    }

    /// <summary>
    /// A valid referral code makes the lead a seed of its referrer (DECISIONS [Referrals]); an
    /// unknown, expired or revoked code (or one of an inactive partner) is a warning and the lead is kept without attribution.
    /// </summary>
    private async Task<Referral?> AttributeAsync(Lead lead, string? code, DateTime now, List<IPayloadError> warnings, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
            return null;
        var referralCode = await db.ReferralCodes.AsNoTracking().Include(c => c.Program).SingleOrDefaultAsync(c => c.Code == code.Trim(), ct);
        var problem = referralCode switch
        {
            null => "is unknown",
            { RevokedAt: not null } => "was revoked",
            { PartnerId: { } owner } when !await db.Partners.AnyAsync(p => p.Id == owner && p.IsActive, ct) => "was revoked", // an inactive partner's codes count as revoked
            { ExpiresAt: { } expires } when expires <= now => "has expired",
            _ when !IsRunning(referralCode.Program, now) => "belongs to a program that is not active",
            { PartnerId: { } partnerId, Program.OpenToAllPartners: false } when !await IsEligibleAsync(referralCode.ProgramId, partnerId, ct) => "belongs to a partner not eligible for its program",
            _ => null,
        };
        if (problem is not null)
        {
            warnings.Add(new ValidationError("referralCode", $"The referral code \"{code}\" {problem}; the lead was accepted without referral attribution."));
            return null;
        }
        return Attribute(lead, referralCode!.ProgramId, referralCode.Id, referralCode.PartnerId, referralCode.ReferrerClientId, now);
    }

    /// <summary>
    /// A lead a partner's system submits with its own credentials is the partner's referral (DECISIONS
    /// [Referrals]) under the program of the partner's newest usable code; no code is needed.
    /// </summary>
    private async Task<Referral?> AttributeToCallingPartnerAsync(Lead lead, DateTime now, List<IPayloadError> warnings, CancellationToken ct)
    {
        if (actor.PartnerId is not { } partnerId)
            return null;
        var programId = await db.ReferralCodes
            .Where(c => c.PartnerId == partnerId && c.RevokedAt == null && (c.ExpiresAt == null || c.ExpiresAt > now)
                && c.Program.IsActive && c.Program.ActiveFrom <= now && (c.Program.ActiveTo == null || c.Program.ActiveTo >= now)
                && (c.Program.OpenToAllPartners || db.ReferralProgramPartners.Any(e => e.ProgramId == c.ProgramId && e.PartnerId == partnerId))
                && db.Partners.Any(p => p.Id == partnerId && p.IsActive))
            .OrderByDescending(c => c.Id).Select(c => (long?)c.ProgramId).FirstOrDefaultAsync(ct);
        if (programId is null)
        {
            warnings.Add(new ValidationError("referralCode", "The partner has no active referral program; the lead was accepted without referral attribution."));
            return null;
        }
        lead.Channel = LeadChannels.Partner;
        return Attribute(lead, programId.Value, null, partnerId, null, now);
    }

    private Task<bool> IsEligibleAsync(long programId, long partnerId, CancellationToken ct) =>
        db.ReferralProgramPartners.AnyAsync(e => e.ProgramId == programId && e.PartnerId == partnerId, ct);

    private static bool IsRunning(ReferralProgram program, DateTime now) =>
        program.IsActive && program.ActiveFrom <= now && (program.ActiveTo is not { } to || to >= now);

    private static Referral Attribute(Lead lead, long programId, long? codeId, long? partnerId, long? referrerClientId, DateTime now)
    {
        lead.ReferralCodeId = codeId;
        lead.PartnerId = partnerId;
        lead.Origin = LeadOrigin.Seed;
        return new Referral
        {
            ProgramId = programId,
            ReferralCodeId = codeId,
            PartnerId = partnerId,
            ReferrerClientId = referrerClientId,
            AttributedAt = now,
        };
    }

    /// <summary>L9: an online estimate never gets a proposal automatically; a manager calls back to book a meeting.</summary>
    private static Activity EstimateFollowUp(Lead lead, DateTime now) => new()
    {
        Type = Platform.Domain.Leads.ActivityType.Task,
        Direction = ActivityDirection.Outbound,
        Subject = "Call back about the online estimate and book a meeting (no proposal online, L9)",
        OccurredAt = now,
        ScheduledAt = lead.FirstResponseDueAt,
    };

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
