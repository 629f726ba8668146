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
}
