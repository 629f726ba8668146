namespace Platform.Domain.Deals;

/// <summary>Codes of the default pipeline's stages.</summary>
public static class PipelineStageCodes
{
    /// <summary>Deal created.</summary>
    public const string New = "NEW";

    /// <summary>First contact made.</summary>
    public const string Contacted = "CONTACTED";

    /// <summary>Needs identified.</summary>
    public const string NeedsIdentified = "NEEDS_IDENTIFIED";

    /// <summary>Commercial proposal sent.</summary>
    public const string ProposalSent = "PROPOSAL_SENT";

    /// <summary>Start of work agreed: requirements agreed and price proposed («Начало работ», Q3).</summary>
    public const string StartOfWorkAgreed = "START_OF_WORK_AGREED";

    /// <summary>Contract signed and invoice issued (C1).</summary>
    public const string ContractInvoiced = "CONTRACT_INVOICED";

    /// <summary>Won: the order is paid.</summary>
    public const string Won = "WON";

    /// <summary>Lost (terminal), refused by us or by the client.</summary>
    public const string Lost = "LOST";

    /// <summary>Maximum length of a stage code.</summary>
    public const int MaxLength = 64;

    /// <summary>The default pipeline's stage codes in order.</summary>
    public static IReadOnlyList<string> Default { get; } =
        [New, Contacted, NeedsIdentified, ProposalSent, StartOfWorkAgreed, ContractInvoiced, Won, Lost];
}
