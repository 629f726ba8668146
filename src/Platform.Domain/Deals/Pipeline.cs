namespace Platform.Domain.Deals;

/// <summary>
/// A sales pipeline: the ordered stages a deal moves through. Pipelines are data, so a company
/// can define its own; the default one is seeded.
/// </summary>
public class Pipeline : Entity
{
    /// <summary>Display name, e.g. "Default sales pipeline".</summary>
    public string Name { get; set; } = "";

    /// <summary>Whether new deals go to this pipeline unless another is chosen.</summary>
    public bool IsDefault { get; set; }

    /// <summary>The stages, ordered by <see cref="PipelineStage.Position"/>.</summary>
    public ICollection<PipelineStage> Stages { get; set; } = new List<PipelineStage>();
}
