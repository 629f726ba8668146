using Platform.Domain.Deals;

namespace Platform.Data;

/// <summary>
/// The default sales pipeline: NEW → CONTACTED → NEEDS_IDENTIFIED →
/// PROPOSAL_SENT → START_OF_WORK_AGREED → CONTRACT_INVOICED → WON, terminal LOST. Seeded by the
/// Initial migration (model seed data), so it exists in every database, with or without demo data.
/// </summary>
public static class DefaultPipeline
{
    /// <summary>Id of the default pipeline.</summary>
    public const long PipelineId = 1;

    /// <summary>Timestamp stamped on the seeded rows.</summary>
    internal static readonly DateTime SeededAt = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly (string Code, string Name, bool Won, bool Lost, bool AgreedTerms)[] Definition =
    [
        (PipelineStageCodes.New, "New", false, false, false),
        (PipelineStageCodes.Contacted, "Contacted", false, false, false),
        (PipelineStageCodes.NeedsIdentified, "Needs identified", false, false, false),
        (PipelineStageCodes.ProposalSent, "Proposal sent", false, false, false),
        // «Начало работ»: requirements agreed and price proposed (Q3); every later stage needs the same.
        (PipelineStageCodes.StartOfWorkAgreed, "Start of work agreed", false, false, true),
        (PipelineStageCodes.ContractInvoiced, "Contract signed, invoice issued", false, false, true),
        (PipelineStageCodes.Won, "Won", true, false, true),
        (PipelineStageCodes.Lost, "Lost", false, true, false),
    ];

    /// <summary>Id of the default pipeline's stage with the given code (ids 1–8 in pipeline order).</summary>
    /// <exception cref="ArgumentException">The code is not a default stage code.</exception>
    public static long StageId(string code)
    {
        var index = Array.FindIndex(Definition, d => d.Code == code);
        return index >= 0 ? index + 1 : throw new ArgumentException($"'{code}' is not a default pipeline stage.", nameof(code));
    }

    internal static Pipeline Pipeline() => new()
    {
        Id = PipelineId,
        Name = "Default sales pipeline",
        IsDefault = true,
        CreatedAt = SeededAt,
        UpdatedAt = SeededAt,
        CreatedBy = "system",
        UpdatedBy = "system",
        Version = 1,
    };

    internal static PipelineStage[] Stages() =>
        Definition.Select((d, i) => new PipelineStage
        {
            Id = i + 1,
            PipelineId = PipelineId,
            Code = d.Code,
            Name = d.Name,
            Position = i + 1,
            IsWon = d.Won,
            IsLost = d.Lost,
            RequiresAgreedTerms = d.AgreedTerms,
            CreatedAt = SeededAt,
            UpdatedAt = SeededAt,
            CreatedBy = "system",
            UpdatedBy = "system",
            Version = 1,
        }).ToArray();
}
