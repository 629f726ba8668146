using System.Buffers.Binary;
using Platform.Api.Security;

namespace Platform.Api.Bulk;

/// <summary>
/// Signs and reads download links (<see cref="SignedTokens"/> over the export's id and the link's expiry), keyed by a
/// secret derived from the OAuth signing key, so any node serves a link another node gave. The link is the credential
/// (a client hands it to a download tool without a token), so it is short-lived.
/// </summary>
public sealed class BulkExportLinks(byte[] key)
{
    private const int PayloadLength = 16;

    public string Sign(long exportId, DateTime expiresAt)
    {
        var payload = new byte[PayloadLength];
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(0, 8), exportId);
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(8, 8), expiresAt.Ticks);
        return SignedTokens.Sign(key, payload);
    }

    /// <summary>The export and expiry a link names; null when it is malformed or not signed here.</summary>
    public (long ExportId, DateTime ExpiresAt)? Read(string token)
    {
        if (SignedTokens.Verify(key, token) is not { Length: PayloadLength } payload)
            return null;
        var ticks = BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(8, 8));
        return ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks
            ? null
            : (BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(0, 8)), new DateTime(ticks, DateTimeKind.Utc));
    }
}
