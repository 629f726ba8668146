namespace Platform.Domain.Deals;

/// <summary>A stage of a pipeline, e.g. PROPOSAL_SENT; a deal is always in exactly one stage.</summary>
public class PipelineStage : Entity
{
    /// <summary>Pipeline the stage belongs to.</summary>
    public long PipelineId { get; set; }

    /// <summary>The pipeline the stage belongs to.</summary>
    public Pipeline Pipeline { get; set; } = null!;

    /// <summary>Stable code, unique in the pipeline, e.g. <c>START_OF_WORK_AGREED</c> (see <see cref="PipelineStageCodes"/>).</summary>
    public string Code { get; set; } = "";

    /// <summary>Display name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Order of the stage in the pipeline, starting at 1; terminal stages come last.</summary>
    public int Position { get; set; }

    /// <summary>Whether reaching this stage wins the deal (money received).</summary>
    public bool IsWon { get; set; }

    /// <summary>Whether this terminal stage loses the deal (with who refused and why).</summary>
    public bool IsLost { get; set; }

    /// <summary>
    /// Whether entering the stage requires agreed requirements and a proposed price — the
    /// «Начало работ» gate.
    /// </summary>
    public bool RequiresAgreedTerms { get; set; }
}
