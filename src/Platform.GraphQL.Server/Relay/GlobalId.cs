using System.Buffers.Text;
using System.Text;

namespace Platform.GraphQL.Server.Relay;

/// <summary>
/// Opaque global IDs: base64url of "TypeName:localId". Clients must treat them as opaque; the
/// encoding only has to be stable and reversible.
/// </summary>
public static class GlobalId
{
    /// <summary>The ID of <paramref name="typeName"/> <paramref name="id"/>; its text is built on the stack (a result lists many).</summary>
    public static string Encode(string typeName, long id)
    {
        Span<byte> text = stackalloc byte[Encoding.UTF8.GetMaxByteCount(typeName.Length) + 1 + 20];
        var length = Encoding.UTF8.GetBytes(typeName, text);
        text[length++] = (byte)':';
        id.TryFormat(text[length..], out var digits, provider: System.Globalization.CultureInfo.InvariantCulture);
        return Base64Url.EncodeToString(text[..(length + digits)]);
    }

    /// <summary>Decodes <paramref name="globalId"/>; false when it is not one of ours.</summary>
    public static bool TryDecode(string? globalId, out string typeName, out long id)
    {
        typeName = "";
        id = 0;
        if (string.IsNullOrEmpty(globalId) || globalId.Length > 200)
            return false;
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(globalId));
        }
        catch (FormatException)
        {
            return false;
        }
        var colon = text.IndexOf(':');
        if (colon <= 0 || !long.TryParse(text.AsSpan(colon + 1), System.Globalization.NumberStyles.None, null, out id))
            return false;
        typeName = text[..colon];
        return true;
    }

    /// <summary>Decodes an ID that must name <paramref name="expectedType"/>; null otherwise.</summary>
    public static long? TryDecode(string? globalId, string expectedType) =>
        TryDecode(globalId, out var type, out var id) && type == expectedType ? id : null;
}
