using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Api.Security;

/// <summary>
/// The server's signing and encryption keys: from configuration, or generated once into the development keys
/// folder, so tokens stay valid across restarts (and across nodes sharing the configuration).
/// </summary>
internal static class SecurityKeys
{
    public static (SecurityKey Signing, SecurityKey Encryption) Load(OAuthOptions options)
    {
        if (options.SigningKeyPem is { } signing && options.EncryptionKeyPem is { } encryption)
            return (FromPem(signing), FromPem(encryption));
        if (options.DevelopmentKeysDirectory is not { } directory)
        {
            throw new InvalidOperationException(
                $"Set {OAuthOptions.Section}:{nameof(OAuthOptions.SigningKeyPem)} and {nameof(OAuthOptions.EncryptionKeyPem)} (RSA private keys, PEM), " +
                $"or {OAuthOptions.Section}:{nameof(OAuthOptions.DevelopmentKeysDirectory)} to generate development keys.");
        }
        Directory.CreateDirectory(directory);
        return (FromPem(LoadOrCreate(Path.Combine(directory, "signing.pem"))), FromPem(LoadOrCreate(Path.Combine(directory, "encryption.pem"))));
    }

    /// <summary>
    /// A 256-bit secret for <paramref name="purpose"/> (an HMAC key, say), derived from the private signing key: every
    /// node that shares the signing key has it, and it changes when that key is rotated.
    /// </summary>
    public static byte[] DeriveSecret(SecurityKey signing, string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, ((RsaSecurityKey)signing).Rsa.ExportRSAPrivateKey(), 32, salt: [], info: System.Text.Encoding.UTF8.GetBytes(purpose));

    private static string LoadOrCreate(string path)
    {
        if (File.Exists(path))
            return File.ReadAllText(path);
        using var rsa = RSA.Create(2048);
        // Written aside and moved, so a concurrent start never reads half a key; the first move wins.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, rsa.ExportRSAPrivateKeyPem());
        try
        {
            File.Move(temporary, path);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
        return File.ReadAllText(path);
    }

    private static RsaSecurityKey FromPem(string pem)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        // A stable key id (from the public key) so JWKS and token headers agree across restarts and nodes.
        var keyId = Base64UrlEncoder.Encode(SHA256.HashData(rsa.ExportRSAPublicKey()))[..16];
        return new RsaSecurityKey(rsa) { KeyId = keyId };
    }
}
