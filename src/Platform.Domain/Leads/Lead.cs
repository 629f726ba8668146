using Platform.Domain.Events;
using Platform.Domain.Referrals;
using Platform.Domain.Staff;

namespace Platform.Domain.Leads;

/// <summary>
/// A lead: the contact data of a real person who showed interest in our services (L1, L3) and
/// whom we work towards a first sale. Anonymous interest is not a lead (L2). A lead is never
/// deleted; refusal and postponement are statuses. On conversion it is linked to the client
/// it became, and the client keeps a link back (C3).
/// </summary>
public class Lead : Entity
{
    // ---- person (L6: only the first name and a phone are required; surname and company optional)

    /// <summary>First name of the person (required).</summary>
    public string FirstName { get; set; } = "";

    /// <summary>Last name, optional: forms must not force it.</summary>
    public string? LastName { get; set; }

    /// <summary>Phone number, normalised to digits with a leading +; required unless the landing key allows e-mail only.</summary>
    public string? Phone { get; set; }

    /// <summary>E-mail address, stored lower-case.</summary>
    public string? Email { get; set; }

    /// <summary>Company name for B2B requests; optional.</summary>
    public string? Company { get; set; }

    /// <summary>The person's position as they gave it.</summary>
    public string? Position { get; set; }

    /// <summary>Which of the nine position groups the person belongs to, once known (Q8).</summary>
    public PositionGroup? PositionGroup { get; set; }

    /// <summary>Region or city of the person, used to distribute leads to dealers.</summary>
    public string? Region { get; set; }

    /// <summary>The person's message or described need, as submitted.</summary>
    public string? Message { get; set; }

    // ---- request and source

    /// <summary>Kind of request that created the lead; sets the first-response deadline.</summary>
    public RequestType RequestType { get; set; } = RequestType.Consultation;

    /// <summary>
    /// For an online estimate: the five parameters the visitor chose, as a JSON object of
    /// parameter name to chosen value.
    /// </summary>
    public string? EstimateParameters { get; set; }

    /// <summary>Channel code the lead came through, e.g. <c>LANDING_PAGE</c> (see <see cref="LeadChannels"/>).</summary>
    public string Channel { get; set; } = LeadChannels.Other;

    /// <summary>Code of the landing page that submitted the lead, if any (KPIs group by it).</summary>
    public string? LandingPage { get; set; }

    /// <summary>URL of the page the form was submitted from.</summary>
    public string? PageUrl { get; set; }

    /// <summary>HTTP referrer of the submitting page.</summary>
    public string? Referrer { get; set; }

    /// <summary>utm_source of the visit.</summary>
    public string? UtmSource { get; set; }

    /// <summary>utm_medium of the visit.</summary>
    public string? UtmMedium { get; set; }

    /// <summary>utm_campaign of the visit.</summary>
    public string? UtmCampaign { get; set; }

    /// <summary>utm_term of the visit.</summary>
    public string? UtmTerm { get; set; }

    /// <summary>utm_content of the visit.</summary>
    public string? UtmContent { get; set; }

    /// <summary>
    /// Who submitted the lead (landing key or API client id); with <see cref="IdempotencyKey"/>
    /// it identifies a submission so a retry returns the first result.
    /// </summary>
    public string? SubmissionSource { get; set; }

    /// <summary>Client-chosen idempotency key of the submission; unique per <see cref="SubmissionSource"/>.</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>
    /// The phone this lead holds for duplicate detection, unique across leads, so that concurrent submissions of one
    /// person make one lead whatever process handles them: the newest lead of a phone holds it until a newer lead of the
    /// same phone takes it over, which is allowed only once this one is closed or older than the duplicate window.
    /// </summary>
    public string? PhoneClaim { get; set; }

    /// <summary>The e-mail this lead holds for duplicate detection, as <see cref="PhoneClaim"/> for the phone.</summary>
    public string? EmailClaim { get; set; }

    // ---- classification

    /// <summary>How ready the lead is to buy; landing-page leads start warm.</summary>
    public LeadTemperature Temperature { get; set; } = LeadTemperature.Warm;

    /// <summary>Seed (referral), net (inbound marketing) or spear (targeted outbound).</summary>
    public LeadOrigin Origin { get; set; } = LeadOrigin.Net;

    /// <summary>Where the lead is in its lifecycle.</summary>
    /// <remarks>A lead may be created in any status (history brought in from elsewhere); after that it changes only through the lifecycle methods below.</remarks>
    public LeadStatus Status { get => _status; init => _status = value; }

    private LeadStatus _status = LeadStatus.New;

    // ---- ownership and response time

    /// <summary>Id of the responsible staff user; may differ from the client's owner after conversion.</summary>
    public long? OwnerId { get; set; }

    /// <summary>The responsible staff user.</summary>
    public StaffUser? Owner { get; set; }

    /// <summary>When the current owner was assigned.</summary>
    public DateTime? AssignedAt { get; set; }

    /// <summary>
    /// Deadline for the first contact: 2 hours after a demo download, 1 hour otherwise
    /// (configurable). Past it without <see cref="FirstRespondedAt"/> the lead is overdue.
    /// </summary>
    public DateTime? FirstResponseDueAt { get; set; }

    /// <summary>When we first contacted the person; speed of first contact is a manager KPI.</summary>
    public DateTime? FirstRespondedAt { get; set; }

    /// <summary>Agreed date of the next contact.</summary>
    public DateTime? NextContactAt { get; set; }

    /// <summary>Agreed topic of the next contact.</summary>
    public string? NextContactTopic { get; set; }

    /// <summary>Number of touches (activities and repeat submissions) so far; a KPI before the first sale.</summary>
    public int TouchCount { get; set; }

    // ---- referral and partner attribution

    /// <summary>Referral code the lead was submitted with; the first valid attribution wins.</summary>
    public long? ReferralCodeId { get; set; }

    /// <summary>The referral code the lead was submitted with.</summary>
    public ReferralCode? ReferralCode { get; set; }

    /// <summary>Partner that submitted or referred the lead (with its own credentials or code).</summary>
    public long? PartnerId { get; set; }

    /// <summary>Partner (dealer) the lead was distributed to, e.g. by region (R12); the partner may then see it.</summary>
    public long? AssignedPartnerId { get; set; }

    /// <summary>When the lead was distributed to <see cref="AssignedPartnerId"/>.</summary>
    public DateTime? AssignedToPartnerAt { get; set; }

    // ---- consent

    /// <summary>
    /// Whether the person agreed to receive marketing communication when the lead was submitted. A lead without it is
    /// kept for sales follow-up but must not go to a marketing list or tool (filter on it).
    /// </summary>
    public bool MarketingConsent { get; set; }

    /// <summary>The consent wording the person agreed to, as shown on the form.</summary>
    public string? ConsentText { get; set; }

    /// <summary>When consent was given.</summary>
    public DateTime? ConsentAt { get; set; }

    // ---- qualification (Q1, Q2, Q5)

    /// <summary>Whether a strong enough need was confirmed; null = not assessed yet.</summary>
    public bool? NeedConfirmed { get; set; }

    /// <summary>Whether the person/company can pay (solvency); null = not assessed yet.</summary>
    public bool? CanPay { get; set; }

    /// <summary>Whether the person may negotiate and decide; null = not assessed yet.</summary>
    public bool? HasDecisionAuthority { get; set; }

    /// <summary>
    /// Target-client criteria as recorded during the call (Q5: age, income or turnover,
    /// geography, marital status, industry…), a JSON object; stored as data, not a hidden score.
    /// </summary>
    public string? TargetCriteria { get; set; }

    /// <summary>When the lead was qualified.</summary>
    public DateTime? QualifiedAt { get; set; }

    // ---- refusal and postponement (C7, C8)

    /// <summary>Who refused: us (with arguments) or the client.</summary>
    public RefusedBy? RefusedBy { get; set; }

    /// <summary>Why the lead was refused; refusal reasons are a KPI.</summary>
    public string? RefusalReason { get; set; }

    /// <summary>When the lead was refused.</summary>
    public DateTime? RefusedAt { get; set; }

    /// <summary>Whether the farewell letter with a short questionnaire was sent after the refusal (C7).</summary>
    public bool FarewellLetterSent { get; set; }

    /// <summary>Re-contact date of a postponed lead.</summary>
    public DateTime? PostponedUntil { get; set; }

    // ---- conversion (C3, C5)

    /// <summary>Client the lead was converted into.</summary>
    public long? ConvertedClientId { get; set; }

    /// <summary>The exact moment the lead became a client; conversion speed is a KPI.</summary>
    public DateTime? ConvertedAt { get; set; }

    /// <summary>Calls, e-mails, meetings, tasks and submissions recorded for this lead.</summary>
    public ICollection<Activity> Activities { get; set; } = new List<Activity>();

    /// <summary>The consent evidence of every submission that made or touched this lead.</summary>
    public ICollection<Privacy.ConsentRecord> Consents { get; set; } = new List<Privacy.ConsentRecord>();

    /// <summary>
    /// Irreversibly replaces the person's data (an erasure request): names, phone, e-mail and their claims, company,
    /// position, region, free text and the page addresses the person came from. Status, times, channel, owner and
    /// every other figure a KPI counts stay.
    /// </summary>
    public void Erase()
    {
        FirstName = Privacy.PersonalData.Erased;
        LastName = Phone = Email = PhoneClaim = EmailClaim = Company = Position = Region = Message = null;
        EstimateParameters = PageUrl = Referrer = NextContactTopic = TargetCriteria = RefusalReason = null;
    }

    /// <summary>Whether need, ability to pay and decision authority are all confirmed (Q1/Q2).</summary>
    public bool IsQualified => NeedConfirmed == true && CanPay == true && HasDecisionAuthority == true;

    /// <summary>
    /// Card completeness: how many of the person fields are filled — first and last name,
    /// phone, e-mail, company, position, region, message. A lead normally has 3–5.
    /// </summary>
    public int Completeness =>
        new[] { FirstName, LastName, Phone, Email, Company, Position, Region, Message }.Count(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>Time from submission to the first contact (T2), once contacted.</summary>
    public TimeSpan? FirstResponseTime => FirstRespondedAt - CreatedAt;

    /// <summary>Whether the lead is open, past its first-response deadline and not contacted yet.</summary>
    public bool IsOverdueAt(DateTime now) => IsOpen && FirstRespondedAt is null && FirstResponseDueAt < now;

    /// <summary>Whether the lead is still being worked (not converted, refused or postponed).</summary>
    public bool IsOpen => Status is LeadStatus.New or LeadStatus.Assigned or LeadStatus.InProgress or LeadStatus.Qualified;

    /// <summary>Whether the lifecycle (<see cref="LeadLifecycle"/>) allows this lead to move to <paramref name="to"/> now.</summary>
    public bool CanMoveTo(LeadStatus to) => LeadLifecycle.CanMove(Status, to);

    /// <summary>
    /// L10: makes a staff user responsible from <paramref name="at"/>. A new lead becomes Assigned; an open lead in work keeps
    /// its status (re-assignment); a closed one cannot be assigned.
    /// </summary>
    public void Assign(long ownerId, DateTime at)
    {
        if (!IsOpen)
            throw NotAllowed(LeadStatus.Assigned);
        if (Status == LeadStatus.New)
            SetStatus(LeadStatus.Assigned);
        OwnerId = ownerId;
        AssignedAt = at;
        Record(EventTypes.LeadAssigned);
    }

    /// <summary>R12: the lead is given to the partner (dealer) <paramref name="partnerId"/> at <paramref name="at"/>, who may then see it.</summary>
    public void DistributeTo(long partnerId, DateTime at)
    {
        AssignedPartnerId = partnerId;
        AssignedToPartnerAt = at;
        Record(EventTypes.LeadDistributed);
    }

    /// <summary>The first touch puts a new or assigned lead in work; a lead further along keeps its status.</summary>
    public void StartWork()
    {
        if (Status is LeadStatus.New or LeadStatus.Assigned)
            SetStatus(LeadStatus.InProgress);
    }

    /// <summary>L11: a repeat submission of the person is one more touch on this open lead.</summary>
    public void RecordTouch()
    {
        TouchCount++;
        Record(EventTypes.LeadTouched);
    }

    /// <summary>Q1/Q2: need, ability to pay and decision authority are confirmed; the target criteria (Q5) are kept as data.</summary>
    public void Qualify(string? targetCriteria, DateTime at)
    {
        MoveTo(LeadStatus.Qualified);
        NeedConfirmed = CanPay = HasDecisionAuthority = true;
        TargetCriteria = targetCriteria;
        QualifiedAt = at;
    }

    /// <summary>C7/C8/C9: refused by one side for a reason, optionally to be contacted again at <paramref name="recontactAt"/>.</summary>
    public void Refuse(RefusedBy by, string reason, DateTime at, bool farewellLetterSent, DateTime? recontactAt)
    {
        MoveTo(LeadStatus.Refused);
        RefusedBy = by;
        RefusalReason = reason;
        RefusedAt = at;
        FarewellLetterSent = farewellLetterSent;
        PostponedUntil = recontactAt;
    }

    /// <summary>C7: put aside until the re-contact date.</summary>
    public void Postpone(DateTime until)
    {
        MoveTo(LeadStatus.Postponed);
        PostponedUntil = until;
    }

    /// <summary>C7: a refused or postponed lead returns to work; its refusal history stays on the record.</summary>
    public void Reactivate()
    {
        if (Status is not (LeadStatus.Refused or LeadStatus.Postponed))
            throw NotAllowed(LeadStatus.InProgress);
        SetStatus(LeadStatus.InProgress);
        PostponedUntil = null;
    }

    /// <summary>C3/C5: the qualified lead became the client <paramref name="clientId"/> at <paramref name="at"/>.</summary>
    public void Convert(long clientId, DateTime at)
    {
        ConvertBeforeClientIsStored(at);
        ConvertedClientId = clientId;
    }

    /// <summary>
    /// A conversion at <paramref name="at"/> recorded before its client has an id (history written in bulk, such as the
    /// demo data): the caller links the client once it is stored.
    /// </summary>
    public void ConvertBeforeClientIsStored(DateTime at)
    {
        MoveTo(LeadStatus.Converted);
        ConvertedAt = at;
        Record(EventTypes.LeadConverted);
    }

    private void MoveTo(LeadStatus to)
    {
        if (!CanMoveTo(to))
            throw NotAllowed(to);
        SetStatus(to);
    }

    private void SetStatus(LeadStatus to)
    {
        Record(EventTypes.LeadStatusChanged, new { from = ApiName<LeadStatus>(Status), to = ApiName<LeadStatus>(to) });
        _status = to;
    }

    private InvalidOperationException NotAllowed(LeadStatus to) => new($"A lead cannot move from {Status} to {to}.");
}
