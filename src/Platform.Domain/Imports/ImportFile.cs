namespace Platform.Domain.Imports;

/// <summary>
/// A file a caller uploaded to import from: kept in the bulk file store under <see cref="StoredName"/>, named by its
/// random <see cref="Id"/> and known by its SHA-256, which with a row number makes each row's idempotency key.
/// </summary>
public class ImportFile
{
    /// <summary>The random id the upload answered with (32 hex digits); also the stored file's name.</summary>
    public string Id { get; set; } = "";

    /// <summary>Who uploaded it and alone may import it: an OAuth client id, or <c>staff:</c> and the staff user's id.</summary>
    public string OwnerKey { get; set; } = "";

    /// <summary>The SHA-256 of the content, 64 lowercase hex digits.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>Size in bytes.</summary>
    public long Bytes { get; set; }

    /// <summary>When it was uploaded (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>The name of the stored file.</summary>
    public string StoredName => "upload-" + Id;
}
