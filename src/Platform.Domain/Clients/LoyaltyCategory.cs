namespace Platform.Domain.Clients;

/// <summary>
/// Chernovalova's nine client loyalty categories. Documented transitions:
/// Fan → Antagonist (offended), TemporarilyLost → Former (no timely reaction), Former → Potential,
/// Antagonist → any (over time).
/// </summary>
public enum LoyaltyCategory
{
    /// <summary>In the target group but not buying yet.</summary>
    Potential,

    /// <summary>Rare interactions, or one deal and no more; possibly not the target audience.</summary>
    OneTime,

    /// <summary>Buys regularly without strong positive emotions.</summary>
    Regular,

    /// <summary>Trusts us and forgives mistakes.</summary>
    Loyal,

    /// <summary>Trusts us, recommends us for free and points out our mistakes.</summary>
    Committed,

    /// <summary>Buys only from us, an advocate of the brand; if offended may become an antagonist.</summary>
    Fan,

    /// <summary>Temporarily stopped buying; without a fast reaction becomes former.</summary>
    TemporarilyLost,

    /// <summary>Not interacting now; can be treated as potential again.</summary>
    Former,

    /// <summary>Not ready to cooperate now or soon (value mismatch); may move to another category over time.</summary>
    Antagonist,
}
