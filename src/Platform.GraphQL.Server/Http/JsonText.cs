using System.Text.Json;

namespace Platform.GraphQL.Server.Http;

/// <summary>
/// The JSON nesting limit of request bodies and JSON-encoded parameters, and the checks that tell a client which of
/// its mistakes a failed read was. Both scans run only after a read failed, so valid requests pay nothing for them.
/// </summary>
internal static class JsonText
{
    /// <summary>Deepest allowed nesting of arrays and objects; System.Text.Json's default, stated so the error can name it.</summary>
    public const int MaxDepth = 64;

    public static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxDepth };

    /// <summary>Whether <paramref name="json"/> opens more than <see cref="MaxDepth"/> nested arrays or objects before any syntax error.</summary>
    public static bool IsTooDeep(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth + 1 });
        try
        {
            while (reader.Read())
            {
                // CurrentDepth of an opening token is the depth it opens from.
                if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject && reader.CurrentDepth >= MaxDepth)
                    return true;
            }
        }
        catch (JsonException)
        {
            // Malformed before it got too deep.
        }
        return false;
    }

    /// <summary>
    /// Whether a string or property name of <paramref name="json"/> cannot become .NET text: an escaped unpaired
    /// UTF-16 surrogate such as <c>"\ud800"</c>, which the JSON grammar allows and Unicode does not.
    /// </summary>
    public static bool HasUnreadableString(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
                    reader.GetString();
            }
        }
        catch (InvalidOperationException)
        {
            return true;
        }
        catch (JsonException)
        {
            // Malformed: reported as such by the caller's own read.
        }
        return false;
    }
}
