using GraphQL;
using Platform.Data;

namespace Platform.Api.Common;

/// <summary>
/// Cleans and checks text input. Every text a mutation stores passes <see cref="Check"/>, every text a query
/// compares with stored data <see cref="Argument(string?, string)"/>: no field can mean a control character (NUL cannot even be
/// stored on PostgreSQL) or half of a surrogate pair.
/// </summary>
public static class TextInputs
{
    /// <summary>Trimmed text, or null when blank.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>
    /// A validation error on <paramref name="field"/> when <paramref name="value"/> is longer than <paramref name="maxLength"/>
    /// or holds what no field accepts (<see cref="Forbidden"/>); tabs and line breaks only in <paramref name="freeText"/>.
    /// </summary>
    public static ValidationError? Check(string field, string? value, int? maxLength = null, bool freeText = false) =>
        value is null ? null
        : value.Length > maxLength ? new ValidationError(field, $"`{field}` may hold at most {maxLength} characters; it has {value.Length}.")
        : Forbidden(value, freeText) is { } problem ? new ValidationError(field, $"`{field}` {problem}.")
        : null;

    /// <summary><see cref="Check"/> against the column <typeparamref name="TEntity"/>.<paramref name="property"/> it is stored in.</summary>
    public static ValidationError? Check<TEntity>(this PlatformDbContext db, string property, string field, string? value, bool freeText = false) =>
        Check(field, value, db.Model.FindEntityType(typeof(TEntity))?.FindProperty(property)?.GetMaxLength(), freeText);

    /// <summary>
    /// What in <paramref name="text"/> no field accepts, to follow the field's name ("contains the control character
    /// U+0000"): a control character (Unicode Cc; tab, CR and LF are allowed in <paramref name="freeText"/>) or half of
    /// a surrogate pair (no character at all). Null when there is none.
    /// </summary>
    public static string? Forbidden(string text, bool freeText)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && !(freeText && c is '\t' or '\r' or '\n'))
                return $"contains the control character U+{(int)c:X4}{(freeText ? "; only tabs and line breaks are allowed" : "")}";
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(c))
                return "contains an unpaired surrogate, which is no character";
        }
        return null;
    }

    /// <summary>
    /// <paramref name="value"/>, a query argument compared with stored text, unless it holds what no stored text can
    /// (<see cref="Forbidden"/>): then an INVALID_ARGUMENT error naming <paramref name="argument"/>, not a database fault.
    /// </summary>
    public static string? Argument(string? value, string argument) =>
        value is not null && Forbidden(value, freeText: false) is { } problem
            ? throw new ExecutionError($"`{argument}` {problem}.") { Code = "INVALID_ARGUMENT" }
            : value;

    /// <summary><see cref="Argument(string?, string)"/> for each of a list argument's values.</summary>
    public static List<string>? Argument(List<string>? values, string argument)
    {
        values?.ForEach(value => Argument(value, argument));
        return values;
    }
}
