namespace Platform.Domain.Loyalty;

/// <summary>
/// The loyalty rules' thresholds and percentages (D1–D6), bound to the
/// <c>Loyalty</c> configuration section. Percentages are basis points (250 = 2.5 %) so they stay
/// exact; amounts are minor units of <see cref="Currency"/>. Lists have no defaults here because
/// the configuration binder appends to existing items: appsettings.json holds the defaults.
/// </summary>
public sealed class LoyaltyOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Loyalty";

    /// <summary>Currency the amounts below are in (D1: EUR).</summary>
    public string Currency { get; set; } = Currencies.Eur;

    /// <summary>Single-receipt tiers (D1): the highest tier reached applies.</summary>
    public List<AmountTier> ReceiptTiers { get; set; } = [];

    /// <summary>Tenure tiers (D3): the highest number of full years reached applies.</summary>
    public List<TenureTier> TenureTiers { get; set; } = [];

    /// <summary>Every-Nth-order rules (D4): the largest discount whose N divides the ordinal applies.</summary>
    public List<OrdinalTier> OrdinalTiers { get; set; } = [];

    /// <summary>Smallest order that counts and qualifies for the every-Nth rule (D4: 100 €), in minor units.</summary>
    public long OrdinalMinimumMinor { get; set; }

    /// <summary>Smallest order that may be paid in installments (D5: 750 €), in minor units.</summary>
    public long InstallmentMinimumMinor { get; set; }

    /// <summary>How the discounts combine.</summary>
    public StackingPolicy StackingPolicy { get; set; } = StackingPolicy.BestSingle;

    /// <summary>Cap of the summed discount under <see cref="StackingPolicy.Additive"/> (D6: 25 %), in basis points.</summary>
    public int MaxTotalBasisPoints { get; set; } = 2500;

    /// <summary>What is wrong with the configuration; empty when it is usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!Currencies.IsWellFormed(Currency))
            problems.Add($"Loyalty:Currency \"{Currency}\" is not an ISO 4217 code.");
        if (ReceiptTiers.Count == 0 || TenureTiers.Count == 0 || OrdinalTiers.Count == 0)
            problems.Add("Loyalty:ReceiptTiers, TenureTiers and OrdinalTiers each need at least one tier.");
        if (ReceiptTiers.Any(t => t.MinimumMinor <= 0) || TenureTiers.Any(t => t.Years <= 0) || OrdinalTiers.Any(t => t.Every <= 0))
            problems.Add("Loyalty tiers need a positive threshold (MinimumMinor, Years, Every).");
        if (ReceiptTiers.Select(t => t.BasisPoints).Concat(TenureTiers.Select(t => t.BasisPoints)).Concat(OrdinalTiers.Select(t => t.BasisPoints)).Append(MaxTotalBasisPoints).Any(bp => bp is < 0 or > 10000))
            problems.Add("Loyalty percentages are basis points between 0 and 10000.");
        if (OrdinalMinimumMinor < 0 || InstallmentMinimumMinor < 0)
            problems.Add("Loyalty:OrdinalMinimumMinor and InstallmentMinimumMinor may not be negative.");
        return problems;
    }
}

/// <summary>A single-receipt tier (D1): orders of at least <see cref="MinimumMinor"/> get <see cref="BasisPoints"/>.</summary>
public sealed class AmountTier
{
    /// <summary>Smallest gross amount of the tier, in minor units.</summary>
    public long MinimumMinor { get; set; }

    /// <summary>Discount of the tier in basis points (500 = 5 %).</summary>
    public int BasisPoints { get; set; }
}

/// <summary>A tenure tier (D3): clients of at least <see cref="Years"/> full years get <see cref="BasisPoints"/>.</summary>
public sealed class TenureTier
{
    /// <summary>Full years since the first fully paid order.</summary>
    public int Years { get; set; }

    /// <summary>Discount of the tier in basis points (250 = 2.5 %).</summary>
    public int BasisPoints { get; set; }
}

/// <summary>An every-Nth-order rule (D4): the qualifying order whose ordinal is a multiple of <see cref="Every"/> gets <see cref="BasisPoints"/>.</summary>
public sealed class OrdinalTier
{
    /// <summary>N: every N-th qualifying order.</summary>
    public int Every { get; set; }

    /// <summary>Discount in basis points (1000 = 10 %).</summary>
    public int BasisPoints { get; set; }
}
