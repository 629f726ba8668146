using System.Buffers.Binary;
using System.Text;
using Platform.Api.Security;

namespace Platform.Api.Leads.FormTokens;

/// <summary>
/// Writes and reads form tokens: <c>base64url(id, issue time, subject) "." base64url(HMAC-SHA256)</c>. The HMAC key is
/// derived from the OAuth signing key, which every API node shares, so any node reads a token another node issued.
/// </summary>
public sealed class FormTokenSigner(byte[] key)
{
    /// <summary>The id (16 bytes) and the issue time in ticks (8 bytes) before the subject.</summary>
    private const int FixedLength = 24;

    /// <summary>A token of a new random id for <paramref name="subject"/>, issued at <paramref name="issuedAt"/>.</summary>
    public string Issue(string subject, DateTime issuedAt)
    {
        var payload = new byte[FixedLength + Encoding.UTF8.GetByteCount(subject)];
        Guid.NewGuid().TryWriteBytes(payload.AsSpan(0, 16));
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(16, 8), issuedAt.Ticks);
        Encoding.UTF8.GetBytes(subject, payload.AsSpan(FixedLength));
        return SignedTokens.Sign(key, payload);
    }

    /// <summary>What <paramref name="token"/> says; null when it is malformed or this service did not sign it.</summary>
    public FormToken? Read(string token)
    {
        if (SignedTokens.Verify(key, token) is not { Length: >= FixedLength } payload)
            return null;
        var issuedAt = new DateTime(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(16, 8)), DateTimeKind.Utc);
        return new FormToken(new Guid(payload.AsSpan(0, 16)), Encoding.UTF8.GetString(payload.AsSpan(FixedLength)), issuedAt);
    }
}
