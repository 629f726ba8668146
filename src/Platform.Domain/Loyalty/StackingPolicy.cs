namespace Platform.Domain.Loyalty;

/// <summary>How the applicable loyalty discounts combine.</summary>
public enum StackingPolicy
{
    /// <summary>Only the largest applicable discount is granted (the default).</summary>
    BestSingle,

    /// <summary>The applicable discounts are added up, capped by the configured maximum.</summary>
    Additive,
}
