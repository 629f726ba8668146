namespace Platform.Domain.Loyalty;

/// <summary>How the applicable loyalty discounts combine (D6).</summary>
public enum StackingPolicy
{
    /// <summary>Only the largest applicable discount is granted (the default, D6).</summary>
    BestSingle,

    /// <summary>The applicable discounts are added up, capped by the configured maximum (D6).</summary>
    Additive,
}
