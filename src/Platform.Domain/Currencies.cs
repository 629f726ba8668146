namespace Platform.Domain;

/// <summary>ISO 4217 currency helpers. The platform's default currency is EUR (D1).</summary>
public static class Currencies
{
    /// <summary>Euro, the default currency of prices, discounts and plans (D1: amounts in the seed are in €).</summary>
    public const string Eur = "EUR";

    /// <summary>Length of an ISO 4217 alphabetic code.</summary>
    public const int CodeLength = 3;

    private static readonly HashSet<string> ZeroDigit = ["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"];
    private static readonly HashSet<string> ThreeDigit = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"];

    /// <summary>Whether <paramref name="code"/> is shaped like an ISO 4217 code (three upper-case ASCII letters).</summary>
    public static bool IsWellFormed(string? code) =>
        code is { Length: CodeLength } && code.All(c => c is >= 'A' and <= 'Z');

    /// <summary>Number of minor-unit digits of the currency (2 unless the currency is known to use 0 or 3).</summary>
    public static int MinorDigits(string code) =>
        ZeroDigit.Contains(code) ? 0 : ThreeDigit.Contains(code) ? 3 : 2;

    /// <summary>How many minor units make one major unit (100 for EUR).</summary>
    public static decimal MinorUnitFactor(string code) => MinorDigits(code) switch { 0 => 1m, 3 => 1000m, _ => 100m };
}
