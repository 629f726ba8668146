using Platform.Api.Bulk;

namespace Platform.Api.Imports;

/// <summary>
/// Signs and reads the links of import results: the export's link format (<see cref="BulkExportLinks"/>) under a secret
/// of its own, so a results link is never an export link of the same id, nor the other way round.
/// </summary>
public sealed class LeadImportLinks(byte[] key)
{
    private readonly BulkExportLinks _links = new(key);

    public string Sign(long importId, DateTime expiresAt) => _links.Sign(importId, expiresAt);

    /// <summary>The import and expiry a link names; null when it is malformed or not signed here.</summary>
    public (long ImportId, DateTime ExpiresAt)? Read(string token) => _links.Read(token);
}
