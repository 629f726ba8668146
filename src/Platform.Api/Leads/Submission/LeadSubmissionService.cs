using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Api.Availability;
using Platform.Api.Common;
using Platform.Api.Leads.FormTokens;
using Platform.Api.Leads.Spool;
using Platform.Api.Privacy;
using Platform.Data;
using Platform.Domain.Auditing;
using Platform.Domain.Leads;
using Platform.Domain.Privacy;
using Platform.Domain.Referrals;
using Platform.GraphQL.Server.Http;
using Platform.GraphQL.Server.Mutations;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Leads.Submission;

/// <summary>
/// Where a submission came from: the landing key and idempotency key headers, the client and its address, and whether
/// the caller is public (a landing page: a landing key or landing client), which learns nothing about stored data. A
/// submission stored later than it was made (from the spool) carries its receipt id and the time it was made.
/// </summary>
public sealed record SubmissionContext(string? LandingKey, string? IdempotencyKey, string? ClientId, string? IpAddress, bool Public = false)
{
    /// <summary>The receipt id the submission was given when it was made; null: a new one (or the key's).</summary>
    public string? ReceiptId { get; init; }

    /// <summary>When the submission was made; null: now.</summary>
    public DateTime? SubmittedAt { get; init; }

    /// <summary>The submitter's browser (<c>User-Agent</c>), kept as consent evidence.</summary>
    public string? UserAgent { get; init; }
}

/// <summary>
/// <c>submitLead</c>: validates, rejects spam (a landing page's form token: missing, forged, too young or used before),
/// returns the first result for a retried idempotency key, records a repeat
/// touch on a recent open lead with the same phone or e-mail, or creates the lead with its deadline, owner, referral and
/// follow-up task in one transaction. Plain submissions (no referral, a caller that sees every lead) go through the
/// <see cref="LeadIntake"/> batch first; what it hands back takes the one-by-one way below. Either way the new lead
/// claims the person's phone and e-mail (<see cref="ContactClaims"/>), so the database keeps one open lead per person.
/// </summary>
public sealed class LeadSubmissionService(
    PlatformDbContext db,
    LandingKeyService landingKeys,
    SubmissionValidator validator,
    LeadRouting routing,
    LeadIntake intake,
    SubmissionSpool spool,
    DatabaseAvailability availability,
    TimeProvider time,
    IOptions<LeadOptions> options,
    FormTokenSigner signer,
    KnownConsentTexts consentTexts,
    ICurrentActor actor)
{
    /// <summary>Submission source of callers with neither a landing key nor an API client id.</summary>
    public const string PublicSource = "public";

    /// <summary>Whose key space a submission's idempotency key is in: its landing key, else its API client, else the public's.</summary>
    public static string SourceOf(LandingKey? key, SubmissionContext from) => key?.Key ?? from.ClientId ?? PublicSource;

    /// <summary>How often a submission that lost a race for its person or key looks again; each look finds the winner.</summary>
    private const int Attempts = 3;

    /// <summary>Handles one submission; <paramref name="auditEntry"/> makes the audit entry stored with a lead the batch writes.</summary>
    public async Task<SubmitLeadPayload> SubmitAsync(SubmitLeadInput input, SubmissionContext from, Func<SubmitLeadPayload, AuditLogEntry> auditEntry, CancellationToken ct)
    {
        // Malformed input is refused before the landing key is looked up or a spam rejection recorded.
        if (validator.CheckForm(input, from.IdempotencyKey) is { Count: > 0 } malformed)
            return SubmitLeadPayload.Failed([.. malformed]);
        var settings = options.Value;
        var now = from.SubmittedAt ?? time.GetUtcNow().UtcDateTime;
        LandingKey? key = null;
        if (from.LandingKey is { } keyString)
        {
            key = await landingKeys.FindUsableAsync(keyString, ct);
            if (key is null)
                return SubmitLeadPayload.Failed(new InvalidLandingKeyError($"The landing key \"{keyString}\" is unknown or revoked."));
        }
        var source = SourceOf(key, from);

        var spam = !string.IsNullOrEmpty(input.Honeypot) ? SpamReason.Honeypot
            : input.FormRenderedAt is { } rendered && now - rendered < settings.MinimumFillTime ? SpamReason.TooFast
            : (SpamReason?)null;
        // Landing pages prove the fill time with a signed form token; its single use is checked once the submission is stored.
        FormToken? token = null;
        if (spam is null && from.Public)
        {
            var check = FormTokenCheck.Of(signer, input.FormToken, source, now, settings);
            if (check.Expired)
                return SubmitLeadPayload.Failed(new FormTokenExpiredError(check.Token!.IssuedAt + settings.FormTokenLifetime,
                    $"The form token has expired (the form was open longer than {settings.FormTokenLifetime:g}); fetch a new one from GET {FormTokenEndpoint.Path} and send the form again."));
            (token, spam) = (check.Token, check.Spam);
        }
        if (spam is { } reason)
            return await RejectAsync(reason, source, from, now, ct);

        var (phone, email, errors) = validator.Validate(input, key);
        if (errors.Count > 0)
            return SubmitLeadPayload.Failed([.. errors]);

        var receiptId = from.ReceiptId ?? SubmissionReceipt.IdOf(source, from.IdempotencyKey ?? input.IdempotencyKey);
        // Without a key of the caller's the receipt id is the key: storing the submission again (from the spool, after a
        // lost answer) finds what it stored.
        var idempotencyKey = from.IdempotencyKey ?? input.IdempotencyKey ?? receiptId;
        var dueAt = now + ResponseTime(input.RequestType);
        var spooled = from.ReceiptId is not null;
        if (!spooled && !availability.IsAvailable)
            return await SpoolAsync(input, from, receiptId, now, dueAt, ct);
        try
        {
            if (input.ConsentTextId is { } consentTextId && !await consentTexts.ExistsAsync(db, GlobalId.TryDecode(consentTextId, nameof(ConsentText)), ct))
                return SubmitLeadPayload.Failed(new ValidationError("consentTextId", $"No consent text has the ID \"{consentTextId}\"."));
            return await StoreAsync(input, from, key, token, phone, email, source, idempotencyKey, receiptId, now, dueAt, auditEntry, ct);
        }
        catch (Exception e) when (!spooled && availability.ReportFailure(e))
        {
            // Lost the database on the way: nothing of this submission was committed, or its key finds it when the spool
            // stores it again (its form token's use too: that row names its receipt id).
            return await SpoolAsync(input, from, receiptId, now, dueAt, ct);
        }
    }

    /// <summary>Logs a spam rejection (counted by <c>rejectedSubmissionCount</c>) and refuses the submission; nothing else is stored.</summary>
    private async Task<SubmitLeadPayload> RejectAsync(SpamReason reason, string source, SubmissionContext from, DateTime now, CancellationToken ct)
    {
        try
        {
            db.RejectedSubmissions.Add(new RejectedSubmission { Source = source, Reason = reason, IpAddress = from.IpAddress, RejectedAt = now });
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (availability.ReportFailure(e))
        {
            // Refused all the same; only its count misses it.
            db.ChangeTracker.Clear();
        }
        return SubmitLeadPayload.Failed(new SpamRejectedError(reason, reason switch
        {
            SpamReason.FormTokenMissing => $"The submission was rejected as spam: a landing page sends the form token it got from GET {FormTokenEndpoint.Path} when it showed the form.",
            SpamReason.FormTokenInvalid => "The submission was rejected as spam: the form token is not one this landing page was given.",
            SpamReason.FormTokenReused => "The submission was rejected as spam: the form token was already used; each form fill needs its own.",
            _ => "The submission was rejected as spam.",
        }));
    }

    /// <summary>
    /// Stores a valid submission: a new lead, a repeat touch or the answer of a retry; first uses its form token, if any
    /// (in the batch's transaction, or on its own before the one-by-one way): one another submission used is spam. The
    /// submission of a person who asked to be erased and not recorded again is refused: the batch looks for all its
    /// people at once, the one-by-one way for this one.
    /// </summary>
    private async Task<SubmitLeadPayload> StoreAsync(SubmitLeadInput input, SubmissionContext from, LandingKey? key, FormToken? token, string? phone, string? email, string source,
        string idempotencyKey, string receiptId, DateTime now, DateTime dueAt, Func<SubmitLeadPayload, AuditLogEntry> auditEntry, CancellationToken ct)
    {
        var settings = options.Value;
        var tokenExpiresAt = token?.IssuedAt + settings.FormTokenLifetime;
        var hashes = new Person(phone, email).Hashes();
        if (actor is { PartnerId: null, LeadOwnerId: null } && string.IsNullOrWhiteSpace(input.ReferralCode))
        {
            var consent = Evidence(input, from, now);
            var candidate = NewLead(input, key, phone, email, source, idempotencyKey, now, consent);
            var use = token is null ? null : new UsedFormToken { TokenId = token.Id, ReceiptId = receiptId, ExpiresAt = tokenExpiresAt!.Value };
            var outcome = await intake.TryStoreAsync(candidate, RepeatTouch(input, source, idempotencyKey, now), consent, new LeadIntake.Caller(actor.Name, actor.ClientId),
                (lead, touched) => auditEntry(Answer(lead, touched, receiptId, dueAt, from, [])), hashes, use);
            switch (outcome.Kind)
            {
                case LeadIntake.OutcomeKind.Suppressed:
                    return Suppressed();
                case LeadIntake.OutcomeKind.FormTokenUsed:
                    return await RejectAsync(SpamReason.FormTokenReused, source, from, now, ct);
                case LeadIntake.OutcomeKind.Created:
                    return Answer(candidate, false, receiptId, dueAt, from, []) with { Audited = true };
                case LeadIntake.OutcomeKind.Touched:
                    // A public caller is told nothing of the lead: no need to read it.
                    var touched = from.Public ? new Lead { Id = outcome.LeadId } : await db.Leads.AsNoTracking().SingleAsync(l => l.Id == outcome.LeadId, ct);
                    return Answer(touched, true, receiptId, dueAt, from, []) with { Audited = true };
            }
        }
        if (await db.Suppressions.AnyAsync(s => hashes.Contains(s.Hash), ct))
            return Suppressed();
        if (token is not null && !await FormTokenUse.TryUseAsync(db, token, receiptId, tokenExpiresAt!.Value, ct))
            return await RejectAsync(SpamReason.FormTokenReused, source, from, now, ct);

        var since = now.AddDays(-settings.DuplicateWindowDays);
        for (var attempt = 1; ; attempt++)
        {
            var earlier = await FindEarlierAsync(source, idempotencyKey, phone, email, since, ct);
            if (earlier is { Retry: Retry.OfNewLead })
                return Answer(earlier.Lead, false, receiptId, earlier.Lead.FirstResponseDueAt ?? dueAt, from, []) with { Replayed = true };
            if (earlier is { Retry: Retry.OfRepeatTouch })
                return Answer(earlier.Lead, true, receiptId, dueAt, from, await RepeatWarningsAsync(input.ReferralCode, from, now, ct)) with { Replayed = true };
            if (earlier is { Open: true })
            {
                var touched = await RecordRepeatTouchAsync(earlier.Lead, input, Evidence(input, from, now), source, idempotencyKey, now, ct);
                return Answer(touched, true, receiptId, dueAt, from, await RepeatWarningsAsync(input.ReferralCode, from, now, ct));
            }

            var warnings = new List<IPayloadError>();
            var lead = NewLead(input, key, phone, email, source, idempotencyKey, now, Evidence(input, from, now));
            var referral = await AttributeAsync(lead, input.ReferralCode, from, now, warnings, ct)
                ?? await AttributeToCallingPartnerAsync(lead, now, warnings, ct);
            if (settings.AutoAssign)
                await routing.AssignNewAsync(lead, ct);
            try
            {
                // Only an earlier lead of this person (closed or out of the window) can hold claims to take over.
                await SaveNewAsync(lead, referral, releaseClaims: earlier is not null, since, ct);
                return Answer(lead, false, receiptId, lead.FirstResponseDueAt!.Value, from, warnings);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation() && attempt < Attempts)
            {
                // A concurrent submission of this person (its claims) or of this key won: the next look finds it.
                db.ChangeTracker.Clear();
            }
        }
    }

    private static SubmitLeadPayload Suppressed() =>
        SubmitLeadPayload.Failed(new PersonSuppressedError("This person asked to be erased and not to be recorded again; the submission was not stored."));

    /// <summary>
    /// Keeps a submission the database cannot take now in the node's <see cref="SubmissionSpool"/>, as it was made and by
    /// whom, and answers with a <c>QUEUED</c> receipt; <see cref="SpoolDrain"/> stores it once the database is back (and
    /// writes its audit entry then). A full spool is 503 with <c>Retry-After</c>: nothing was kept.
    /// </summary>
    private async Task<SubmitLeadPayload> SpoolAsync(SubmitLeadInput input, SubmissionContext from, string receiptId, DateTime now, DateTime dueAt, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var submission = new SpooledSubmission(input, from, SpooledActor.Of(actor));
        if (await spool.TryEnqueueAsync(Guid.Parse(receiptId), submission.ToJson(), now, ct) is null)
            throw new HttpStatusError(StatusCodes.Status503ServiceUnavailable, DatabaseAvailability.ErrorCode,
                $"The service cannot store submissions at the moment; retry in {availability.RetryAfterSeconds} s.", availability.RetryAfterSeconds);
        return new SubmitLeadPayload(null, false, new SubmissionReceipt(receiptId, ReceiptStatus.Queued, dueAt), [], []) { Audited = true };
    }

    /// <summary>
    /// What the caller is told. A public caller gets the receipt only, whatever happened; a caller who may not read the
    /// lead it touched is told the person is already registered; everyone else gets the lead too.
    /// </summary>
    private SubmitLeadPayload Answer(Lead lead, bool repeatTouch, string receiptId, DateTime dueAt, SubmissionContext from, IReadOnlyList<IPayloadError> warnings)
    {
        if (repeatTouch && !from.Public && !MayRead(lead))
            return new SubmitLeadPayload(lead, true, null, [], [new AlreadyRegisteredError("This person is already registered; the submission was recorded for the sales team but not as a new lead of yours.")]) { Disclosed = false };
        return new SubmitLeadPayload(lead, repeatTouch, new SubmissionReceipt(receiptId, ReceiptStatus.Accepted, dueAt), warnings, []) { Disclosed = !from.Public };
    }

    /// <summary>Whether the caller's own reads include <paramref name="lead"/> (partner isolation, a manager's own leads).</summary>
    private bool MayRead(Lead lead) =>
        (actor.PartnerId is not { } partnerId || lead.PartnerId == partnerId || lead.AssignedPartnerId == partnerId)
        && (actor.LeadOwnerId is not { } ownerId || lead.OwnerId == ownerId);

    /// <summary>
    /// A repeat touch attributes nothing. A public caller is warned of an unusable code exactly as for a new person (so
    /// the answer tells nothing); a trusted caller learns that its code was not applied to the known person.
    /// </summary>
    private async Task<IReadOnlyList<IPayloadError>> RepeatWarningsAsync(string? code, SubmissionContext from, DateTime now, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
            return [];
        if (!from.Public)
            return [new ValidationError("referralCode", "The person already has an open lead; the referral code was not applied.")];
        var (_, problem) = await CheckCodeAsync(code, now, ct);
        return problem is null ? [] : [UnusableCode(code, problem, from)];
    }

    /// <summary>The first-response deadline of a submission of <paramref name="requestType"/>: 2 h after a demo download, 1 h otherwise (configurable).</summary>
    private TimeSpan ResponseTime(RequestType requestType) =>
        requestType == RequestType.DemoDownload ? options.Value.DemoDownloadResponseTime : options.Value.DefaultResponseTime;

    /// <summary>
    /// Stores a new lead, with its referral when attributed, in one transaction; first frees the claims an earlier lead
    /// of the person outside the window still holds. A unique violation means a concurrent submission won.
    /// </summary>
    private async Task SaveNewAsync(Lead lead, Referral? referral, bool releaseClaims, DateTime since, CancellationToken ct)
    {
        db.Leads.Add(lead);
        if (referral is null && !releaseClaims)
        {
            await db.SaveChangesAsync(ct);
            return;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (releaseClaims)
            await ContactClaims.ReleaseStaleAsync(db, lead.PhoneClaim is { } p ? [p] : [], lead.EmailClaim is { } e ? [e] : [], since, ct);
        await db.SaveChangesAsync(ct);
        if (referral is not null)
        {
            // The referral row needs the lead's id.
            referral.LeadId = lead.Id;
            db.Referrals.Add(referral);
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>Whether a submission repeats an earlier one with the same idempotency key, and which result that had.</summary>
    private enum Retry { No, OfNewLead, OfRepeatTouch }

    /// <summary>The earlier lead of a submission: the one its key made or touched, else the person's newest, open in the window or not.</summary>
    private sealed record Earlier(Lead Lead, Retry Retry, bool Open);

    /// <summary>
    /// In one query, over every lead whoever the caller is (a person is one person for all callers): the lead this
    /// idempotency key already created or touched (a retry returns it as the first result did), else the newest lead
    /// with this phone or e-mail, flagged when it is open and created since <paramref name="since"/> (a repeat touch).
    /// The touch lookup is an uncorrelated subquery on the unique (source, key) index of activities, evaluated once.
    /// </summary>
    private async Task<Earlier?> FindEarlierAsync(string source, string idempotencyKey, string? phone, string? email, DateTime since, CancellationToken ct)
    {
        // Not run here: a subquery of the statement below (IQueryable), so the whole lookup stays one round trip.
        var touched = db.Activities.IgnoreQueryFilters()
            .Where(a => a.SubmissionSource == source && a.IdempotencyKey == idempotencyKey).Select(a => a.LeadId);
        // The window is selected and sorted on, not filtered on (DuplicateWindow): never a scan of the window's leads.
        var found = await db.Leads.IgnoreQueryFilters().AsNoTracking()
            .Where(l => (l.SubmissionSource == source && l.IdempotencyKey == idempotencyKey)
                || l.Id == touched.FirstOrDefault()
                || (phone != null && l.Phone == phone)
                || (email != null && l.Email == email))
            .Select(DuplicateWindow.Select(since, (l, open) => new
            {
                Lead = l,
                Created = l.SubmissionSource == source && l.IdempotencyKey == idempotencyKey,
                Touched = l.Id == touched.FirstOrDefault(),
                Open = open,
            }))
            .OrderByDescending(x => x.Created).ThenByDescending(x => x.Touched).ThenByDescending(x => x.Open)
            .ThenByDescending(x => x.Lead.CreatedAt).ThenByDescending(x => x.Lead.Id)
            .FirstOrDefaultAsync(ct);
        return found is null ? null
            : new Earlier(found.Lead, found.Created ? Retry.OfNewLead : found.Touched ? Retry.OfRepeatTouch : Retry.No, found.Open);
    }

    /// <summary>
    /// Records a repeat submission on <paramref name="lead"/>: a <c>FORM_SUBMISSION</c> activity and one more touch, the
    /// count raised in the database, so concurrent touches of one lead queue on its row instead of retrying on its version.
    /// </summary>
    private async Task<Lead> RecordRepeatTouchAsync(Lead lead, SubmitLeadInput input, ConsentRecord consent, string source, string idempotencyKey, DateTime now, CancellationToken ct)
    {
        var touch = RepeatTouch(input, source, idempotencyKey, now);
        touch.LeadId = lead.Id;
        touch.OwnerId = lead.OwnerId;
        db.Activities.Add(touch);
        consent.LeadId = lead.Id;
        db.ConsentRecords.Add(consent);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Leads.IgnoreQueryFilters().Where(l => l.Id == lead.Id).ExecuteUpdateAsync(set => set
                .SetProperty(l => l.TouchCount, l => l.TouchCount + 1)
                .SetProperty(l => l.Version, l => l.Version + 1)
                .SetProperty(l => l.UpdatedAt, now)
                .SetProperty(l => l.UpdatedBy, actor.Name), ct);
            await TouchEvents.AddAsync(db, [lead.Id], now, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // A concurrent retry with the same key recorded this touch first (unique source + key on activities).
            db.ChangeTracker.Clear();
            return await db.Leads.IgnoreQueryFilters().AsNoTracking().SingleAsync(l => l.Id == lead.Id, ct);
        }
        lead.TouchCount++;
        lead.Version++;
        lead.UpdatedAt = now;
        return lead;
    }

    /// <summary>The <c>FORM_SUBMISSION</c> activity a repeat submission adds to the person's open lead; its key makes a retry find it.</summary>
    private static Activity RepeatTouch(SubmitLeadInput input, string source, string idempotencyKey, DateTime now) => new()
    {
        Type = Platform.Domain.Leads.ActivityType.FormSubmission,
        Direction = ActivityDirection.Inbound,
        Subject = $"Repeat submission: {input.RequestType}",
        Result = Trimmed(input.Message),
        OccurredAt = now,
        DoneAt = now,
        SubmissionSource = source,
        IdempotencyKey = idempotencyKey,
    };

    /// <summary>
    /// The consent evidence of a submission, granted or not: stored with the lead it makes or the touch it adds, in the
    /// same transaction, so a retry or a spooled submission stored again finds it with them and adds none.
    /// </summary>
    private static ConsentRecord Evidence(SubmitLeadInput input, SubmissionContext from, DateTime now) => new()
    {
        ConsentTextId = GlobalId.TryDecode(input.ConsentTextId, nameof(ConsentText)),
        Granted = input.MarketingConsent,
        GivenAt = input.MarketingConsent ? input.ConsentAt ?? now : now,
        PageUrl = input.PageUrl,
        IpAddress = from.IpAddress,
        UserAgent = from.UserAgent is { Length: > ConsentRecord.UserAgentLength } agent ? agent[..ConsentRecord.UserAgentLength] : from.UserAgent,
    };

    /// <summary>The lead a submission creates, unassigned, with its consent evidence and its online-estimate follow-up task (L9).</summary>
    private Lead NewLead(SubmitLeadInput input, LandingKey? key, string? phone, string? email, string source, string idempotencyKey, DateTime now, ConsentRecord consent)
    {
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
            PhoneClaim = phone,
            EmailClaim = email,
            Temperature = LeadTemperature.Warm, // L5: landing-page and form leads start warm
            Origin = LeadOrigin.Net,
            Status = LeadStatus.New,
            FirstResponseDueAt = now + ResponseTime(input.RequestType),
            TouchCount = 1,
            MarketingConsent = input.MarketingConsent,
            ConsentText = input.MarketingConsent ? input.ConsentText : null,
            ConsentAt = input.MarketingConsent ? input.ConsentAt ?? now : null,
        };
        lead.Consents.Add(consent);
        if (lead.RequestType == RequestType.OnlineEstimate)
            lead.Activities.Add(EstimateFollowUp(lead, now));
        return lead;
    }

    /// <summary>
    /// A valid referral code makes the lead a seed of its referrer; an unknown, expired or revoked code (or one of an
    /// inactive partner) is a warning and the lead is kept without attribution.
    /// </summary>
    private async Task<Referral?> AttributeAsync(Lead lead, string? code, SubmissionContext from, DateTime now, List<IPayloadError> warnings, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
            return null;
        var (referralCode, problem) = await CheckCodeAsync(code, now, ct);
        if (problem is not null)
        {
            warnings.Add(UnusableCode(code, problem, from));
            return null;
        }
        return Attribute(lead, referralCode!.ProgramId, referralCode.Id, referralCode.PartnerId, referralCode.ReferrerClientId, now);
    }

    /// <summary>The code, and why it cannot attribute a lead now (null: it can).</summary>
    private async Task<(ReferralCode? Code, string? Problem)> CheckCodeAsync(string code, DateTime now, CancellationToken ct)
    {
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
        return (referralCode, problem);
    }

    /// <summary>The warning for a code that attributes nothing: why, except to public callers, who may not tell a real code from a made-up one.</summary>
    private static ValidationError UnusableCode(string code, string problem, SubmissionContext from) =>
        new("referralCode", from.Public
            ? $"The referral code \"{code}\" cannot be used; the submission was accepted without referral attribution."
            : $"The referral code \"{code}\" {problem}; the lead was accepted without referral attribution.");

    /// <summary>
    /// A lead a partner's system submits with its own credentials is the partner's referral under the program of the partner's newest usable code; no code is needed.
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
