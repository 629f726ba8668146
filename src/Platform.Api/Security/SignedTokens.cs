using System.Buffers.Text;
using System.Security.Cryptography;

namespace Platform.Api.Security;

/// <summary>Tokens of the form <c>base64url(payload) "." base64url(HMAC-SHA256(payload))</c>, for form tokens and download links.</summary>
public static class SignedTokens
{
    public static string Sign(byte[] key, byte[] payload) =>
        Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, payload));

    /// <summary>The payload of <paramref name="token"/>; null when it is malformed or <paramref name="key"/> did not sign it.</summary>
    public static byte[]? Verify(byte[] key, string token)
    {
        var dot = token.IndexOf('.');
        if (dot < 0)
            return null;
        byte[] payload, mac;
        try
        {
            payload = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            mac = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return null;
        }
        return mac.Length == HMACSHA256.HashSizeInBytes && CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(key, payload)) ? payload : null;
    }
}
