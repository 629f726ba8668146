using System.Security.Cryptography;
using System.Text;

namespace Platform.Api.Webhooks;

/// <summary>Signing secrets and signatures as the Standard Webhooks specification defines them.</summary>
public static class WebhookSecrets
{
    private const string Prefix = "whsec_";

    /// <summary>A new random secret: <c>whsec_</c> and 32 random bytes in base64.</summary>
    public static string New() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The <c>webhook-signature</c> of a message: <c>v1,</c> and the base64 HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c>.</summary>
    public static string Sign(string secret, string id, long timestamp, string body)
    {
        var key = Convert.FromBase64String(secret[Prefix.Length..]);
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(mac);
    }
}
