using Platform.Data;

namespace Platform.Api.Common;

/// <summary>Cleans and checks free-text input against the column it is stored in.</summary>
public static class TextInputs
{
    /// <summary>Trimmed text, or null when blank.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A validation error when <paramref name="value"/> is longer than the column <typeparamref name="TEntity"/>.<paramref name="property"/> holds.</summary>
    public static ValidationError? TooLong<TEntity>(this PlatformDbContext db, string property, string field, string? value)
    {
        var max = db.Model.FindEntityType(typeof(TEntity))?.FindProperty(property)?.GetMaxLength();
        return value is not null && max is { } limit && value.Length > limit
            ? new ValidationError(field, $"`{field}` may hold at most {limit} characters; it has {value.Length}.")
            : null;
    }

    /// <summary>A validation error unless <paramref name="email"/> (already cleaned) looks like an e-mail address.</summary>
    public static ValidationError? NotEmail(string? email, string field) =>
        email is null || (email.IndexOf('@') is > 0 and var at && at < email.Length - 1 && !email.Contains(' '))
            ? null
            : new ValidationError(field, $"`{field}` must be an e-mail address like name@example.com.");

    /// <summary>A phone number as stored: a leading + and digits only, e.g. <c>+49301234567</c>.</summary>
    public static string? NormalisePhone(string? phone) =>
        phone is null ? null : (phone.StartsWith('+') ? "+" : "") + string.Concat(phone.Where(char.IsAsciiDigit));

    /// <summary>A validation error unless <paramref name="phone"/> (already cleaned) is digits with optional + ( ) - and spaces, at least 5 digits.</summary>
    public static ValidationError? NotPhone(string? phone, string field) =>
        phone is null || (phone.All(c => char.IsAsciiDigit(c) || c is '+' or '(' or ')' or '-' or ' ') && phone.Count(char.IsAsciiDigit) >= 5)
            ? null
            : new ValidationError(field, $"`{field}` must be a phone number: digits, optionally with + ( ) - and spaces.");
}
