using Platform.Domain.Clients;
using Platform.Domain.Events;
using Platform.Domain.Staff;

namespace Platform.Domain.Deals;

/// <summary>
/// A deal (opportunity) with a client, moving through the stages of a pipeline until won (its
/// order is paid) or lost (refused by us or by the client, with a reason). Holds the agreed
/// requirements and proposed price of the «Начало работ» gate (Q3) and the four-step hand-off to
/// production.
/// </summary>
public class Deal : Entity
{
    /// <summary>Client the deal is with.</summary>
    public long ClientId { get; set; }

    /// <summary>The client the deal is with.</summary>
    public Client Client { get; set; } = null!;

    /// <summary>Lead the deal was created from on conversion, if any.</summary>
    public long? LeadId { get; set; }

    /// <summary>Pipeline the deal moves through.</summary>
    public long PipelineId { get; set; }

    /// <summary>The pipeline the deal moves through.</summary>
    public Pipeline Pipeline { get; set; } = null!;

    /// <summary>Current stage.</summary>
    /// <remarks>A deal may be created in any stage (history brought in from elsewhere); after that it moves only through the methods below, which keep the stage history.</remarks>
    public long StageId { get => _stageId; init => _stageId = value; }

    private long _stageId;

    /// <summary>The current stage.</summary>
    public PipelineStage Stage { get; private set; } = null!;

    /// <summary>Responsible staff user, usually a conversion manager (O4).</summary>
    public long? OwnerId { get; set; }

    /// <summary>The responsible staff user.</summary>
    public StaffUser? Owner { get; set; }

    /// <summary>Short description, e.g. "Corporate website redesign".</summary>
    public string Title { get; set; } = "";

    /// <summary>Kind of sale: new business, repeat, up-, cross- or down-sell.</summary>
    public DealKind Kind { get; set; } = DealKind.NewBusiness;

    /// <summary>Expected value of the deal in minor units of <see cref="Currency"/>.</summary>
    public long AmountMinor { get; set; }

    /// <summary>ISO 4217 currency of the deal's amounts.</summary>
    public string Currency { get; set; } = Currencies.Eur;

    /// <summary>Agreed requirements; needed to enter the start-of-work stage.</summary>
    public string? Requirements { get; set; }

    /// <summary>Proposed price in minor units of <see cref="Currency"/>; needed to enter the start-of-work stage.</summary>
    public long? ProposedPriceMinor { get; set; }

    /// <summary>When the commercial proposal was sent; proposal speed is a KPI.</summary>
    public DateTime? ProposalSentAt { get; set; }

    /// <summary>Reference of the signed contract.</summary>
    public string? ContractRef { get; set; }

    /// <summary>Reference of the issued invoice.</summary>
    public string? InvoiceRef { get; set; }

    /// <summary>For a lost deal: who refused, us (with arguments) or the client.</summary>
    public RefusedBy? LostRefusedBy { get; set; }

    /// <summary>For a lost deal: why.</summary>
    public string? LostReason { get; set; }

    /// <summary>When the deal was won or lost.</summary>
    public DateTime? ClosedAt { get; set; }

    // ---- hand-off to production (a checklist on the deal)

    /// <summary>Hand-off step 1: participants introduced (meeting or group call), when done.</summary>
    public DateTime? HandoffIntroducedAt { get; set; }

    /// <summary>Hand-off step 2: project set up in the task planner with participants invited, when done.</summary>
    public DateTime? HandoffPlannerProjectAt { get; set; }

    /// <summary>Hand-off step 3: documentation, requirements and materials shared, when done.</summary>
    public DateTime? HandoffDocumentsSharedAt { get; set; }

    /// <summary>Hand-off step 4: project handed to the project manager with the needed information, when done.</summary>
    public DateTime? HandoffToProjectManagerAt { get; set; }

    /// <summary>Name of the production project manager the project was handed to.</summary>
    public string? HandoffProjectManager { get; set; }

    /// <summary>History of stage moves, oldest first.</summary>
    public ICollection<DealStageChange> StageChanges { get; set; } = new List<DealStageChange>();

    /// <summary>Expected value of the deal.</summary>
    public Money Amount => new(AmountMinor, Currency);

    /// <summary>Proposed price, once proposed.</summary>
    public Money? ProposedPrice => ProposedPriceMinor is { } minor ? new Money(minor, Currency) : null;

    /// <summary>Whether all four hand-off steps are done.</summary>
    public bool IsHandedOff =>
        HandoffIntroducedAt is not null && HandoffPlannerProjectAt is not null
        && HandoffDocumentsSharedAt is not null && HandoffToProjectManagerAt is not null;

    /// <summary>Whether the deal is won or lost; needs <see cref="Stage"/> loaded.</summary>
    public bool IsClosed => Stage.IsWon || Stage.IsLost;

    /// <summary>
    /// Enters the stage <paramref name="stageId"/> and records the move in the stage history; the first stage of a new deal
    /// left none. For deals whose stage entity is not at hand (a new deal, history written in bulk); see <see cref="MoveTo"/>.
    /// </summary>
    public DealStageChange EnterStage(long stageId, DateTime at, string? by)
    {
        var change = new DealStageChange { FromStageId = _stageId == 0 ? null : _stageId, ToStageId = stageId, ChangedAt = at, ChangedBy = by };
        StageChanges.Add(change);
        _stageId = stageId;
        return change;
    }

    /// <summary>
    /// Moves the open deal to <paramref name="target"/>, recorded in the stage history. The first entry into PROPOSAL_SENT
    /// is when the proposal was sent, the end of <c>proposalTimeKpi</c>'s duration (T4); re-entering keeps the first time.
    /// </summary>
    public void MoveTo(PipelineStage target, DateTime at, string? by)
    {
        if (Stage is not null && IsClosed) // a new deal is in no stage yet
            throw new InvalidOperationException($"The deal is closed ({Stage.Code}); a closed deal does not move.");
        EnterStage(target.Id, at, by);
        Record(EventTypes.DealStageChanged, new { from = Stage?.Code, to = target.Code });
        Stage = target;
        if (target.Code == PipelineStageCodes.ProposalSent && ProposalSentAt is null)
            ProposalSentAt = at;
    }

    /// <summary>The deal is won: its order was paid.</summary>
    public void Win(PipelineStage won, DateTime at, string? by)
    {
        if (!won.IsWon)
            throw new ArgumentException($"{won.Code} is not a winning stage.", nameof(won));
        MoveTo(won, at, by);
        ClosedAt = at;
        Record(EventTypes.DealWon);
    }

    /// <summary>C8: the deal is lost, refused by one side for a reason.</summary>
    public void Lose(PipelineStage lost, RefusedBy refusedBy, string reason, DateTime at, string? by)
    {
        if (!lost.IsLost)
            throw new ArgumentException($"{lost.Code} is not a losing stage.", nameof(lost));
        MoveTo(lost, at, by);
        LostRefusedBy = refusedBy;
        LostReason = reason;
        ClosedAt = at;
        Record(EventTypes.DealLost, new { refusedBy = ApiName<RefusedBy>(refusedBy) });
    }
}
