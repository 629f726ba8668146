namespace Platform.Domain.Clients;

/// <summary>
/// Which loyalty-category changes are allowed. The seed names four:
/// Fan → Antagonist, TemporarilyLost → Former, Former → Potential, Antagonist → any. The rest is
/// the natural progression of the ladder: a potential client buys once or regularly; trust grows
/// one rung at a time (Regular → Loyal → Committed → Fan) and may fall back one rung; any buying
/// client may stop (TemporarilyLost) and be won back; a one-time buyer may drift away (Former);
/// a potential client may turn out not to share our values (Antagonist).
/// </summary>
public static class LoyaltyTransitions
{
    private static readonly Dictionary<LoyaltyCategory, LoyaltyCategory[]> Allowed = new()
    {
        [LoyaltyCategory.Potential] = [LoyaltyCategory.OneTime, LoyaltyCategory.Regular, LoyaltyCategory.Antagonist],
        [LoyaltyCategory.OneTime] = [LoyaltyCategory.Regular, LoyaltyCategory.TemporarilyLost, LoyaltyCategory.Former],
        [LoyaltyCategory.Regular] = [LoyaltyCategory.Loyal, LoyaltyCategory.TemporarilyLost],
        [LoyaltyCategory.Loyal] = [LoyaltyCategory.Committed, LoyaltyCategory.Regular, LoyaltyCategory.TemporarilyLost],
        [LoyaltyCategory.Committed] = [LoyaltyCategory.Fan, LoyaltyCategory.Loyal, LoyaltyCategory.TemporarilyLost],
        [LoyaltyCategory.Fan] = [LoyaltyCategory.Antagonist, LoyaltyCategory.Committed, LoyaltyCategory.TemporarilyLost],
        [LoyaltyCategory.TemporarilyLost] = [LoyaltyCategory.Former, LoyaltyCategory.OneTime, LoyaltyCategory.Regular],
        [LoyaltyCategory.Former] = [LoyaltyCategory.Potential],
        [LoyaltyCategory.Antagonist] = Enum.GetValues<LoyaltyCategory>().Where(c => c != LoyaltyCategory.Antagonist).ToArray(),
    };

    /// <summary>Whether a client may move from <paramref name="from"/> to <paramref name="to"/>; staying is always allowed.</summary>
    public static bool IsAllowed(LoyaltyCategory from, LoyaltyCategory to) => from == to || Allowed[from].Contains(to);

    /// <summary>The categories a client in <paramref name="from"/> may move to.</summary>
    public static IReadOnlyList<LoyaltyCategory> From(LoyaltyCategory from) => Allowed[from];
}
