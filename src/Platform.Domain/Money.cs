namespace Platform.Domain;

/// <summary>
/// An exact amount of money: integer minor units (cents) of an ISO 4217 currency. Never a float;
/// rounding (half to even) happens once, on the final amount only.
/// Entities store money as a <c>…Minor</c> <see cref="long"/> column plus a <c>Currency</c> column
/// and expose it through get-only <see cref="Money"/> properties.
/// </summary>
/// <param name="AmountMinor">Amount in minor units of the currency (e.g. cents); negative for refunds.</param>
/// <param name="Currency">ISO 4217 alphabetic code, three upper-case letters (e.g. <c>EUR</c>).</param>
public readonly record struct Money(long AmountMinor, string Currency)
{
    /// <summary>Zero in the given currency.</summary>
    public static Money Zero(string currency) => new(0, currency);

    /// <summary>The amount in major units (e.g. euros), using the currency's number of minor digits.</summary>
    public decimal ToMajor() => AmountMinor / Currencies.MinorUnitFactor(Currency);

    /// <summary>Builds an amount from major units (e.g. 12.34 EUR), rounding half to even to the minor unit.</summary>
    public static Money FromMajor(decimal amount, string currency) =>
        new((long)decimal.Round(amount * Currencies.MinorUnitFactor(currency), 0, MidpointRounding.ToEven), currency);

    /// <summary>Adds two amounts of the same currency.</summary>
    /// <exception cref="InvalidOperationException">The currencies differ.</exception>
    public static Money operator +(Money left, Money right) =>
        new(checked(left.AmountMinor + right.AmountMinor), SameCurrency(left, right));

    /// <summary>Subtracts two amounts of the same currency.</summary>
    /// <exception cref="InvalidOperationException">The currencies differ.</exception>
    public static Money operator -(Money left, Money right) =>
        new(checked(left.AmountMinor - right.AmountMinor), SameCurrency(left, right));

    /// <summary>The amount formatted in major units with its code, e.g. <c>1500.00 EUR</c>.</summary>
    public override string ToString() =>
        ToMajor().ToString("F" + Currencies.MinorDigits(Currency), System.Globalization.CultureInfo.InvariantCulture) + " " + Currency;

    private static string SameCurrency(Money left, Money right) =>
        string.Equals(left.Currency, right.Currency, StringComparison.Ordinal)
            ? left.Currency
            : throw new InvalidOperationException($"Cannot combine {left.Currency} and {right.Currency} amounts.");
}
