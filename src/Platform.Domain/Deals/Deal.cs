using Platform.Domain.Clients;
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
    public long StageId { get; set; }

    /// <summary>The current stage.</summary>
    public PipelineStage Stage { get; set; } = null!;

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
}
